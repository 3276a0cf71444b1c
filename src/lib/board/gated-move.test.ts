import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { createCard } from '#lib/board/commands.ts';
import { getCard, readCard } from '#lib/board/schema.ts';
import { emptySections } from '#lib/board/card-sections.ts';
import type { CardView } from '#lib/board/schema.ts';
import { DEFAULT_METHOD_SETTINGS } from '#lib/domain/method/types.ts';
import { moveWithGates, planMove, readColumn } from './gated-move.ts';

const bare: CardView = {
	id: 'card_0000000001',
	title: 'Bare',
	stage: 'review',
	rank: 'a0',
	archived: false,
	createdAt: 0,
	createdBy: '',
	description: '',
	sections: emptySections()
};
const settings = DEFAULT_METHOD_SETTINGS;
const member = { id: 'user_member_01', canOverride: false };
const manager = { id: 'user_manager_1', canOverride: true };

describe('planMove', () => {
	it('lets a move through when the gates are met, and a move backwards always', () => {
		expect(planMove({ card: bare, to: 'ideas', settings, by: member })).toEqual({ allowed: true });
		const filled = {
			...bare,
			sections: {
				...emptySections(),
				strengths: [{ id: 's', text: 'Loyal clients', rank: 'a0' }],
				difficulties: [{ id: 'd', text: 'Small team', rank: 'a0' }]
			}
		};
		expect(planMove({ card: filled, to: 'objective', settings, by: member })).toEqual({ allowed: true });
	});

	it('refuses an unmet gate with what is missing, even to a member who gives a reason', () => {
		const plan = planMove({ card: bare, to: 'objective', settings, by: member, overrideReason: 'We decided so.' });
		expect(plan).toEqual({
			allowed: false,
			missing: [
				{ code: 'strengths', section: 'review' },
				{ code: 'difficulties', section: 'review' }
			],
			limits: []
		});
	});

	it('lets a manager force it only with a reason long enough, and records who, why and what was missing', () => {
		expect(planMove({ card: bare, to: 'objective', settings, by: manager, overrideReason: 'too short' })).toMatchObject(
			{
				allowed: false
			}
		);
		const plan = planMove({
			card: bare,
			to: 'objective',
			settings,
			by: manager,
			overrideReason: '  Client pilot already on.  '
		});
		expect(plan).toMatchObject({
			allowed: true,
			override: {
				record: {
					from: 'review',
					to: 'objective',
					reason: 'Client pilot already on.',
					missing: ['strengths', 'difficulties'],
					by: 'user_manager_1'
				}
			}
		});
	});

	it('refuses a move into a full stage, and lets a manager force it with both limits recorded', () => {
		const cards = [
			{ id: 'card_full_0001', stage: 'ideas' as const, teamIds: [], concluded: false },
			{ id: bare.id, stage: 'review' as const, teamIds: [], concluded: false }
		];
		const wip = { cards, limits: { stages: { ideas: 1 }, teams: {} } };
		expect(planMove({ card: bare, to: 'ideas', settings, wip, by: member })).toEqual({
			allowed: false,
			missing: [],
			limits: [{ code: 'stage-limit', stage: 'ideas', limit: 1, count: 2 }]
		});
		const forced = planMove({
			card: bare,
			to: 'ideas',
			settings,
			wip,
			by: manager,
			overrideReason: 'Idea day, on purpose.'
		});
		expect(forced).toMatchObject({ allowed: true, override: { record: { missing: ['stage-limit'] } } });
		// Moving within its own column never counts against the limit.
		expect(planMove({ card: { ...bare, stage: 'ideas' }, to: 'ideas', settings, wip, by: member })).toEqual({
			allowed: true
		});
	});
});

describe('moveWithGates', () => {
	const docWithCard = () => {
		const doc = new Y.Doc();
		createCard(doc, { id: bare.id, title: 'Bare', stage: 'review', rank: 'a0', createdBy: '' });
		return doc;
	};
	const cardIn = (doc: Y.Doc) => readCard(getCard(doc, bare.id)!)!;

	it('writes nothing when a gate refuses, and moves (with the override) when forced', () => {
		const doc = docWithCard();
		const request = { card: cardIn(doc), to: 'objective' as const, settings, index: 0 };
		const refused = moveWithGates(doc, { ...request, column: readColumn(doc, 'objective'), by: member });
		expect(refused).toMatchObject({ moved: false });
		expect(cardIn(doc).stage).toBe('review');
		const forced = moveWithGates(doc, {
			...request,
			column: readColumn(doc, 'objective'),
			by: manager,
			overrideReason: 'Decided by the board'
		});
		expect(forced).toEqual({ moved: true });
		expect(cardIn(doc).stage).toBe('objective');
		expect(cardIn(doc).sections.overrides).toHaveLength(1);
		expect(readColumn(doc, 'objective').map((c) => c.id)).toEqual([bare.id]);
	});
});
