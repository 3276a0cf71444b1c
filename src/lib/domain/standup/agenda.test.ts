import { describe, expect, it } from 'vitest';
import { attentionReasons, needsAttention, orderAgenda, type AgendaItem } from './agenda.ts';

const item = (cardId: string, over: Partial<AgendaItem> = {}): AgendaItem => ({
	cardId,
	title: cardId,
	stage: 'review',
	rank: 'a0',
	ownerId: null,
	teamId: null,
	contributingTeamIds: [],
	status: 'no-data',
	missed: 0,
	dueThisWeek: null,
	helpTeamIds: [],
	gateFlagged: false,
	changes: [],
	untouched: false,
	...over
});

const ids = (items: AgendaItem[]) => items.map((i) => i.cardId);
const none = { riskFirst: false, filter: 'all', teamId: null } as const;

describe('orderAgenda', () => {
	const items = [
		item('idea', { stage: 'ideas' }),
		item('late', { stage: 'rollout', rank: 'a2', status: 'off-track' }),
		item('early', { stage: 'rollout', rank: 'a1', untouched: true }),
		item('done', { stage: 'outcome', teamId: 't1' }),
		item('asked', { stage: 'scope', helpTeamIds: ['t2'] })
	];

	it('walks the board right to left, in column order', () => {
		expect(ids(orderAgenda(items, none))).toEqual(['done', 'early', 'late', 'asked', 'idea']);
	});

	it('puts at-risk and blocked cards first, each group still right to left', () => {
		expect(ids(orderAgenda(items, { ...none, riskFirst: true }))).toEqual(['late', 'asked', 'done', 'early', 'idea']);
	});

	it('keeps only the changed cards, or one team’s (owning, contributing or asked for help)', () => {
		expect(ids(orderAgenda(items, { ...none, filter: 'changed' }))).not.toContain('early');
		expect(ids(orderAgenda(items, { ...none, teamId: 't1' }))).toEqual(['done']);
		expect(ids(orderAgenda(items, { ...none, teamId: 't2' }))).toEqual(['asked']);
	});
});

describe('orderAgenda, attention or changed', () => {
	it('keeps the cards that changed or need attention, and drops the quiet ones', () => {
		const items = [
			item('quiet', { untouched: true }),
			item('late', { stage: 'rollout', status: 'off-track', untouched: true }),
			item('asked', { helpTeamIds: ['t1'], untouched: true }),
			item('moved', { stage: 'scope' }),
			item('done', { stage: 'outcome', status: null, untouched: true })
		];
		expect(ids(orderAgenda(items, { ...none, filter: 'attention' }))).toEqual(['late', 'moved', 'asked']);
	});
});

describe('needsAttention', () => {
	it('is at risk, off track, missed check-ins, open help, or a skipped gate', () => {
		expect(needsAttention(item('a'))).toBe(false);
		expect(needsAttention(item('a', { status: 'at-risk' }))).toBe(true);
		expect(needsAttention(item('a', { missed: 1 }))).toBe(true);
		expect(needsAttention(item('a', { gateFlagged: true }))).toBe(true);
		expect(needsAttention(item('a', { status: null }))).toBe(false);
	});

	it('says why, in a stable order', () => {
		expect(attentionReasons(item('a', { status: 'on-track', helpTeamIds: ['t1'] }))).toEqual(['help']);
		expect(attentionReasons(item('a', { status: 'off-track', missed: 2, gateFlagged: true }))).toEqual([
			'off-track',
			'missed',
			'gate'
		]);
	});
});
