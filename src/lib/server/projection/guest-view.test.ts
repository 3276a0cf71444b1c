import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CardEditor } from '#lib/collab/card-editor.ts';
import { createCard } from '#lib/board/commands.ts';
import { getCard, readCard, type CardView } from '#lib/board/schema.ts';
import { putEntry } from '#lib/board/section-commands.ts';
import { learningsText, microText } from '#lib/board/section-store.ts';
import { addSignal } from '#lib/board/signals.ts';
import type { GuestView } from '#lib/domain/guest-view.ts';
import { guestColumns, guestView, parseGuestView } from './guest-view.ts';

const CARD = 'card_0123456789';
const OWNER = 'user_owner_secret_01';
const TEAM = 'team_secret_000001';
/** Every internal thing the card holds: none of these may reach a guest. */
const SECRETS = [
	'SECRET-DESCRIPTION',
	'SECRET-STRENGTH',
	'SECRET-DIFFICULTY',
	'SECRET-MICRO',
	'SECRET-WHY',
	'SECRET-SEGMENT',
	'SECRET-RESOURCE-WHO',
	'SECRET-RESOURCE-FOR',
	'SECRET-PHASE-SEGMENT',
	'SECRET-DECISION-REASON',
	'SECRET-PRIVATE-NOTE',
	'SECRET-LEARNINGS',
	'SECRET-OVERRIDE',
	'SECRET-SIGNAL',
	'secret-company',
	'global_objective_secret',
	OWNER,
	TEAM
];

/** A card in rollout with every section filled, each with one of the secrets. */
function fullCard(): CardView {
	return readCard(fullCardMap())!;
}

function fullCardMap(): Y.Map<unknown> {
	const doc = new Y.Doc();
	createCard(doc, {
		id: CARD,
		title: 'Vrac en boutique',
		stage: 'rollout',
		rank: 'a0',
		createdBy: OWNER,
		description: 'SECRET-DESCRIPTION'
	});
	const edit = new CardEditor(doc, OWNER);
	const card = getCard(doc, CARD)!;
	edit.addItem(CARD, 'strengths', 'SECRET-STRENGTH');
	edit.addItem(CARD, 'difficulties', 'SECRET-DIFFICULTY');
	edit.addItem(CARD, 'segments', 'SECRET-SEGMENT');
	microText(card, 'clients')?.insert(0, 'SECRET-MICRO');
	learningsText(card)?.insert(0, 'SECRET-LEARNINGS');
	for (const [field, value] of Object.entries({
		metric: 'Ventes en vrac',
		unit: 'kg',
		direction: 'increase',
		baseline: 10,
		target: 110,
		deadline: '2026-06-30',
		why: 'SECRET-WHY',
		globalObjectiveId: 'global_objective_secret',
		ownerId: OWNER,
		teamId: TEAM,
		contributingTeamIds: [TEAM]
	}))
		edit.setField(CARD, field as 'metric', value);
	edit.putResource(CARD, null, { amount: 4, unit: 'days', who: 'SECRET-RESOURCE-WHO', forWhat: 'SECRET-RESOURCE-FOR' });
	const phase = { segments: ['SECRET-PHASE-SEGMENT'], cadence: 'weekly', decision: null };
	edit.putPhase(CARD, null, { ...phase, name: 'Pilote', start: '2026-01-05', end: '2026-02-28' });
	edit.putPhase(CARD, null, { ...phase, name: 'Extension', start: '2026-03-01', end: '2026-05-31' });
	const decision = { verdict: 'go', date: '2025-12-31', reason: 'SECRET-DECISION-REASON' };
	edit.putPhase(CARD, null, { ...phase, name: 'Avant', start: '2025-12-01', end: '2025-12-31', decision });
	edit.putCheckIn(CARD, null, {
		date: '2026-01-12',
		value: 20,
		confidence: 'on-track',
		note: 'Bon départ',
		shared: true
	});
	edit.putCheckIn(CARD, null, { date: '2026-02-09', value: 35, confidence: 'at-risk', note: 'SECRET-PRIVATE-NOTE' });
	edit.putCheckIn(CARD, null, {
		date: '2026-03-02',
		value: 60,
		confidence: 'on-track',
		note: 'Extension lancée',
		shared: true
	});
	putEntry(doc, CARD, 'overrides', 'ov_0000000001', {
		from: 'scope',
		to: 'rollout',
		reason: 'SECRET-OVERRIDE',
		missing: [],
		by: OWNER,
		at: 1
	});
	addSignal(doc, CARD, 'sig_0000000001', {
		kind: 'idea',
		text: 'SECRET-SIGNAL',
		company: 'secret-company',
		by: OWNER,
		at: 2
	});
	return card;
}

describe('the guest view of a card', () => {
	it('holds the title, the objective, the stage, the current phase, the progress and the public check-ins', () => {
		const view = guestView(fullCard(), '2026-03-15');
		expect(view).toEqual({
			title: 'Vrac en boutique',
			stage: 'rollout',
			phase: 'Extension',
			objective: {
				metric: 'Ventes en vrac',
				unit: 'kg',
				direction: 'increase',
				baseline: 10,
				target: 110,
				deadline: '2026-06-30'
			},
			progress: 0.5, // the latest check-in (60) is half-way from 10 to 110
			checkIns: [
				{ date: '2026-03-02', value: 60, confidence: 'on-track', note: 'Extension lancée' },
				{ date: '2026-01-12', value: 20, confidence: 'on-track', note: 'Bon départ' }
			]
		} satisfies GuestView);
	});

	it('never holds a forbidden field, even when the card is full of them', () => {
		const card = fullCard();
		const everything = JSON.stringify(fullCardMap().doc?.toJSON()); // the card and its texts
		for (const secret of SECRETS) expect(everything).toContain(secret); // the card really holds them
		const stored = guestColumns(card, ['Acme'], '2026-03-15');
		for (const json of [JSON.stringify(guestView(card, '2026-03-15')), stored.guest_view, stored.shared_with])
			for (const secret of SECRETS) expect(json).not.toContain(secret);
	});

	it('nothing is stored for an unshared or archived card', () => {
		const card = fullCard();
		expect(guestColumns(card, [], '2026-03-15')).toEqual({ shared_with: '[]', guest_view: '{}' });
		expect(guestColumns({ ...card, archived: true }, ['*'], '2026-03-15')).toEqual({
			shared_with: '[]',
			guest_view: '{}'
		});
		expect(guestColumns(card, ['*'], '2026-03-15').shared_with).toBe('["*"]');
	});

	it('shows no phase outside the rollout, and no progress without a check-in', () => {
		const card = fullCard();
		expect(guestView({ ...card, stage: 'scope' }, '2026-03-15').phase).toBeNull();
		expect(guestView({ ...card, sections: { ...card.sections, checkIns: [] } }, '2026-03-15').progress).toBeNull();
		expect(guestView(card, '2025-11-01').phase).toBe('Avant'); // before any start: the first phase
	});

	it('reads a stored view back through the same whitelist', () => {
		const view = guestView(fullCard(), '2026-03-15');
		const tampered = JSON.stringify({
			...view,
			description: 'SECRET-DESCRIPTION',
			objective: { ...view.objective, why: 'x' }
		});
		expect(parseGuestView(tampered)).toEqual(view);
		expect(parseGuestView('{}')).toBeNull();
		expect(parseGuestView('not json')).toBeNull();
	});
});
