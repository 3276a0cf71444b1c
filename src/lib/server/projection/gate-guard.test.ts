import { describe, expect, it } from 'vitest';
import { emptySections, type CardSections } from '#lib/board/card-sections.ts';
import type { CardView } from '#lib/board/schema.ts';
import type { CollectionRecords } from '#lib/board/sections.ts';
import { OVERRIDE_REASON_MIN } from '#lib/domain/method/gates.ts';
import { DEFAULT_METHOD_SETTINGS } from '#lib/domain/method/types.ts';
import type { Stage } from '#lib/domain/stages.ts';
import { bypassFlag, limitCodes, type Writer } from './gate-guard.ts';

const MANAGER: Writer = { userId: 'user_manager_01', mayOverride: true };
const OTHER_MANAGER: Writer = { userId: 'user_manager_02', mayOverride: true };
const MEMBER: Writer = { userId: 'user_member_001', mayOverride: false };
const NOW = 1_750_000_000_000;
const settings = DEFAULT_METHOD_SETTINGS;

function card(stage: Stage, sections: Partial<CardSections> = {}): CardView {
	return {
		id: 'card_0123456789',
		title: 'Loyalty',
		stage,
		rank: 'a0',
		archived: false,
		createdAt: 0,
		createdBy: MEMBER.userId,
		description: '',
		sections: { ...emptySections(), ...sections }
	};
}

const item = (id: string, text: string) => ({ id, text, rank: 'a0' });
const REVIEWED: Partial<CardSections> = {
	strengths: [item('s1', 'Loyal clients')],
	difficulties: [item('d1', 'Small team')]
};

function override(
	from: Stage,
	to: Stage,
	by: string,
	reason = 'Decided at the board meeting'
): CollectionRecords['overrides'] & { id: string } {
	return { id: `o-${from}-${to}-${by}`, from, to, reason, missing: [], by, at: NOW - 1 };
}

describe('bypassFlag', () => {
	it('allows every backward move, even from a bare card', () => {
		expect(bypassFlag(card('review'), 'outcome', settings, MEMBER, NOW)).toBeNull();
		expect(bypassFlag(card('ideas'), 'objective', settings, MEMBER, NOW)).toBeNull();
	});

	it('allows a card that stays in its stage', () => {
		expect(bypassFlag(card('scope'), 'scope', settings, MEMBER, NOW)).toBeNull();
	});

	it('allows a forward move whose gates are met', () => {
		expect(bypassFlag(card('objective', REVIEWED), 'review', settings, MEMBER, NOW)).toBeNull();
		expect(bypassFlag(card('review'), 'ideas', settings, MEMBER, NOW)).toBeNull();
	});

	it('flags a forward move past an unmet gate, with the exact missing codes', () => {
		expect(bypassFlag(card('objective'), 'review', settings, MEMBER, NOW)).toEqual({
			from: 'review',
			to: 'objective',
			missing: ['strengths', 'difficulties'],
			by: MEMBER.userId,
			at: NOW
		});
		const halfReviewed = card('objective', { strengths: REVIEWED.strengths });
		expect(bypassFlag(halfReviewed, 'review', settings, MEMBER, NOW)?.missing).toEqual(['difficulties']);
	});

	it('flags a manager who moves past an unmet gate without an override', () => {
		expect(bypassFlag(card('objective'), 'review', settings, MANAGER, NOW)).toEqual({
			from: 'review',
			to: 'objective',
			missing: ['strengths', 'difficulties'],
			by: MANAGER.userId,
			at: NOW
		});
	});

	it('accepts an override written by the manager who made the move', () => {
		const forced = card('objective', { overrides: [override('review', 'objective', MANAGER.userId)] });
		expect(bypassFlag(forced, 'review', settings, MANAGER, NOW)).toBeNull();
	});

	it("flags a move excused only by someone else's override", () => {
		const forced = card('objective', { overrides: [override('review', 'objective', MANAGER.userId)] });
		expect(bypassFlag(forced, 'review', settings, OTHER_MANAGER, NOW)).toMatchObject({
			by: OTHER_MANAGER.userId,
			missing: ['strengths', 'difficulties']
		});
		expect(bypassFlag(forced, 'review', settings, MEMBER, NOW)).toMatchObject({ by: MEMBER.userId });
	});

	it('flags a writer who may not override, even with an override of their own', () => {
		const forced = card('objective', { overrides: [override('review', 'objective', MEMBER.userId)] });
		expect(bypassFlag(forced, 'review', settings, MEMBER, NOW)).toEqual({
			from: 'review',
			to: 'objective',
			missing: ['strengths', 'difficulties'],
			by: MEMBER.userId,
			at: NOW
		});
	});

	it('flags an override made for another move', () => {
		const elsewhere = [override('ideas', 'objective', MANAGER.userId), override('review', 'scope', MANAGER.userId)];
		expect(bypassFlag(card('objective', { overrides: elsewhere }), 'review', settings, MANAGER, NOW)).not.toBeNull();
	});

	it('collects the missing codes of every gate crossed when skipping stages', () => {
		expect(bypassFlag(card('rollout'), 'review', settings, MEMBER, NOW)).toEqual({
			from: 'review',
			to: 'rollout',
			missing: ['strengths', 'difficulties', 'metric', 'baseline', 'target', 'deadline', 'owner', 'team', 'segments'],
			by: MEMBER.userId,
			at: NOW
		});
		expect(bypassFlag(card('outcome', REVIEWED), 'ideas', settings, MEMBER, NOW)?.missing).toEqual([
			'metric',
			'baseline',
			'target',
			'deadline',
			'owner',
			'team',
			'segments',
			'check-in',
			'phases'
		]);
	});

	it('accepts a multi-stage override only for the very stages it names', () => {
		const skip = card('rollout', { overrides: [override('review', 'rollout', MANAGER.userId)] });
		expect(bypassFlag(skip, 'review', settings, MANAGER, NOW)).toBeNull();
		expect(bypassFlag(skip, 'objective', settings, MANAGER, NOW)?.missing).toEqual([
			'metric',
			'baseline',
			'target',
			'deadline',
			'owner',
			'team',
			'segments'
		]);
	});

	it("judges the scope gate against the board's own segment limit", () => {
		const scoped: Partial<CardSections> = {
			objective: { direction: 'increase', metric: 'NPS', baseline: 10, target: 40, deadline: '2026-06-30' },
			ownerId: 'user_0123456789',
			teamId: 'team_0123456789',
			segments: [item('g1', 'Bakeries'), item('g2', 'Cafés')]
		};
		expect(bypassFlag(card('rollout', scoped), 'scope', settings, MEMBER, NOW)).toBeNull();
		expect(bypassFlag(card('rollout', scoped), 'scope', { ...settings, maxSegments: 1 }, MEMBER, NOW)).toEqual({
			from: 'scope',
			to: 'rollout',
			missing: ['segments-too-many'],
			by: MEMBER.userId,
			at: NOW
		});
	});

	it(`flags an override whose reason is shorter than OVERRIDE_REASON_MIN (${OVERRIDE_REASON_MIN})`, () => {
		// gates.ts: "A gate may be forced only with a written reason of at least OVERRIDE_REASON_MIN characters".
		// The override record is written straight into the document, so only the server can hold that rule.
		for (const reason of ['', '   ', 'because']) {
			const forced = card('objective', { overrides: [override('review', 'objective', MANAGER.userId, reason)] });
			expect(bypassFlag(forced, 'review', settings, MANAGER, NOW), JSON.stringify(reason)).not.toBeNull();
		}
	});
});

describe('limit bypasses', () => {
	const full = { stages: { rollout: 1 }, teams: {} };
	const other = { id: 'card_other_0001', stage: 'rollout' as const, teamIds: [], concluded: false };
	const moved = card('rollout');
	const board = [other, { id: moved.id, stage: 'rollout' as const, teamIds: [], concluded: false }];

	it('finds the limits a move broke, judged with the card put back where it came from', () => {
		expect(limitCodes(board, moved, 'scope', full)).toEqual(['stage-limit']);
		expect(limitCodes(board, moved, 'rollout', full)).toEqual([]);
		expect(limitCodes([board[1]!], moved, 'scope', full)).toEqual([]);
	});

	it('flags a move that broke a limit, backwards too, unless its writer overrode that limit', () => {
		const back = card('scope');
		expect(bypassFlag(back, 'rollout', settings, MEMBER, NOW, ['stage-limit'])).toEqual({
			from: 'rollout',
			to: 'scope',
			missing: ['stage-limit'],
			by: MEMBER.userId,
			at: NOW
		});
		const gateOnly = card('scope', { overrides: [override('rollout', 'scope', MANAGER.userId)] });
		expect(bypassFlag(gateOnly, 'rollout', settings, MANAGER, NOW, ['stage-limit'])).not.toBeNull();
		const limitOverride = { ...override('rollout', 'scope', MANAGER.userId), missing: ['stage-limit'] };
		const covered = card('scope', { overrides: [limitOverride] });
		expect(bypassFlag(covered, 'rollout', settings, MANAGER, NOW, ['stage-limit'])).toBeNull();
		expect(bypassFlag(covered, 'rollout', settings, MEMBER, NOW, ['stage-limit'])).not.toBeNull();
	});
});
