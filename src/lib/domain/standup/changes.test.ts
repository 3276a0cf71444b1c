import { describe, expect, it } from 'vitest';
import type { MethodCard } from '../method/types.ts';
import { statusChange, toChange, type LoggedEvent } from './changes.ts';

const card: MethodCard = {
	objective: { metric: 'Ventes', unit: '€', direction: 'increase', baseline: 0, target: 100, deadline: '2026-04-11' },
	rollout: {
		phases: [
			{ name: 'Pilote', segments: [], start: '2026-01-01', end: '2026-03-01', cadence: 'weekly', decision: null }
		]
	},
	checkIns: [
		{ date: '2026-01-02', value: 0, confidence: 'at-risk', note: '' },
		{ date: '2026-01-03', value: 60, confidence: 'on-track', note: '' }
	]
};
const settings = { tolerance: 0.1 };
const event = (kind: string, data: Record<string, unknown>): LoggedEvent => ({
	cardId: 'c',
	kind,
	actorId: 'u',
	data,
	at: 1
});

describe('statusChange', () => {
	it('judges the status just before and just after a check-in, ignoring later ones', () => {
		expect(statusChange(card, '2026-01-02', 0, settings)).toEqual({ before: 'no-data', after: 'at-risk' });
		expect(statusChange(card, '2026-01-03', 60, settings)).toEqual({ before: 'at-risk', after: 'on-track' });
	});

	it('says no change when the check-in is no longer on the card', () => {
		const gone = statusChange(card, '2026-01-03', 12, settings);
		expect(gone.before).toBe(gone.after);
	});
});

describe('toChange', () => {
	it('reads each kind the stand-up talks about', () => {
		expect(toChange(event('created', { stage: 'ideas' }), card, settings)).toMatchObject({
			kind: 'created',
			stage: 'ideas'
		});
		expect(toChange(event('moved', { from: 'scope', to: 'rollout' }), card, settings)).toMatchObject({
			kind: 'moved',
			from: 'scope',
			to: 'rollout'
		});
		expect(toChange(event('gate-forced', { from: 'scope', to: 'rollout' }), card, settings)).toMatchObject({
			kind: 'gate',
			forced: true
		});
		expect(toChange(event('signal', { company: 'Dupont', text: 'Trop cher' }), card, settings)).toMatchObject({
			guest: true,
			company: 'Dupont',
			text: 'Trop cher'
		});
		expect(toChange(event('signal', { source: 'client' }), card, settings)).toMatchObject({ guest: false });
		expect(toChange(event('action', { text: 'Appeler', ownerId: 'p', due: '' }), card, settings)).toMatchObject({
			kind: 'action',
			text: 'Appeler',
			ownerId: 'p',
			due: null
		});
	});

	it('says nothing of edits, deletions and malformed rows', () => {
		expect(toChange(event('comment-edited', { excerpt: 'x' }), card, settings)).toBeNull();
		expect(toChange(event('moved', { from: 'nowhere', to: 'rollout' }), card, settings)).toBeNull();
		expect(toChange(event('check-in', { value: 'NaN' }), card, settings)).toBeNull();
		expect(toChange(event('help', {}), card, settings)).toBeNull();
	});
});
