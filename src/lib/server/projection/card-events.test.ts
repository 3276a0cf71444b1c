import { describe, expect, it } from 'vitest';
import { emptySections, type CardSections } from '#lib/board/card-sections.ts';
import type { CardView } from '#lib/board/schema.ts';
import { cardChanges, marksOf } from './card-events.ts';

/** Between two states of a card, the first as the projection keeps it. */
const changes = (before: CardView | null, after: CardView) => cardChanges(before && marksOf(before), after);

const card = (extra: Partial<CardView> = {}, sections: Partial<CardSections> = {}): CardView => ({
	id: 'card-0000000001',
	title: 'Livraison le samedi',
	stage: 'review',
	rank: 'a0',
	archived: false,
	createdAt: 1,
	createdBy: 'u1',
	description: '',
	...extra,
	sections: { ...emptySections(), ...sections }
});

const checkIn = (id: string, value: number) =>
	({ id, date: '2026-11-20', value, confidence: 'on-track', note: '', by: 'u1', at: 5 }) as const;
const phase = (decision: 'go' | 'no-go' | null) => ({
	id: 'phase-1',
	name: 'Pilote',
	segments: [],
	start: '2026-11-01',
	end: '2026-11-30',
	cadence: 'weekly' as const,
	decision: decision && { verdict: decision, date: '2026-11-30', reason: '' }
});

describe('cardChanges', () => {
	it('says a new card was created, in its stage', () => {
		expect(changes(null, card())).toEqual([{ kind: 'created', data: { stage: 'review' } }]);
	});

	it('finds nothing on an unchanged card, nor on edits outside the log', () => {
		const full = card({}, { checkIns: [checkIn('c1', 3)], phases: [phase('go')] });
		expect(changes(full, full)).toEqual([]);
		expect(changes(full, { ...full, title: 'Autre', description: 'x' })).toEqual([]);
	});

	it('logs a move with where from and where to', () => {
		expect(changes(card(), card({ stage: 'objective' }))).toEqual([
			{ kind: 'moved', data: { from: 'review', to: 'objective' } }
		]);
	});

	it('logs each new check-in once', () => {
		const before = card({}, { checkIns: [checkIn('c1', 3)] });
		const after = card({}, { checkIns: [checkIn('c1', 3), checkIn('c2', 42)] });
		expect(changes(before, after)).toEqual([
			{ kind: 'check-in', data: { value: 42, date: '2026-11-20', confidence: 'on-track' } }
		]);
		expect(changes(after, after)).toEqual([]);
	});

	it('logs a phase decision when it appears or changes, not when it stays', () => {
		const none = card({}, { phases: [phase(null)] });
		const go = card({}, { phases: [phase('go')] });
		const noGo = card({}, { phases: [phase('no-go')] });
		const decision = (verdict: string) => ({
			kind: 'decision',
			data: { phaseId: 'phase-1', phaseName: 'Pilote', verdict }
		});
		expect(changes(none, go)).toEqual([decision('go')]);
		expect(changes(card(), go)).toEqual([decision('go')]);
		expect(changes(go, noGo)).toEqual([decision('no-go')]);
		expect(changes(go, go)).toEqual([]);
		expect(changes(go, none)).toEqual([]);
	});

	it('logs an outcome verdict when set or changed, not when cleared', () => {
		const outcome = (verdict: 'adjusted' | 'abandoned' | null) => ({ verdict, date: null, result: null });
		const adjusted = card({}, { outcome: outcome('adjusted') });
		expect(changes(card(), adjusted)).toEqual([{ kind: 'outcome', data: { verdict: 'adjusted' } }]);
		expect(changes(adjusted, card({}, { outcome: outcome('abandoned') }))).toEqual([
			{ kind: 'outcome', data: { verdict: 'abandoned' } }
		]);
		expect(changes(adjusted, card())).toEqual([]);
	});

	it('logs a forced gate with its reason; flags are not the board document’s to log (the projection logs its own)', () => {
		const override: CardSections['overrides'][number] = {
			id: 'o1',
			from: 'review',
			to: 'objective',
			reason: 'Vu en comité',
			missing: ['strengths'],
			by: 'boss',
			at: 2
		};
		const flag: CardSections['flags'][number] = {
			id: 'f1',
			from: 'review',
			to: 'scope',
			missing: ['strengths'],
			by: 'marc',
			at: 3
		};
		const after = card({ stage: 'objective' }, { overrides: [override], flags: [flag] });
		expect(changes(card(), after)).toEqual([
			{ kind: 'moved', data: { from: 'review', to: 'objective' } },
			{ kind: 'gate-forced', data: { from: 'review', to: 'objective', reason: 'Vu en comité' } }
		]);
		expect(changes(after, after)).toEqual([]);
	});
});
