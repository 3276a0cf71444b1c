import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import type { Stage } from '../stages.ts';
import { countLive, limitBreaches, stagesOverLimit, WipLimitsInput, type LiveCard } from './wip-limits.ts';

const TEAM_A = 'team_a_000001';
const TEAM_B = 'team_b_000001';

function card(id: string, stage: Stage, teamIds: string[] = [], concluded = false): LiveCard {
	return { id, stage, teamIds, concluded };
}

const board = [
	card('c1', 'rollout', [TEAM_A]),
	card('c2', 'rollout', [TEAM_A, TEAM_B]),
	card('c3', 'scope', [TEAM_B]),
	card('c4', 'outcome', [TEAM_A], true),
	card('c5', 'ideas', [TEAM_A])
];

describe('countLive', () => {
	it('counts live cards per stage, each team once per card, from Review on, without concluded ones', () => {
		const counts = countLive([...board, card('c6', 'review', [TEAM_A, TEAM_A])]);
		expect(counts.stages).toEqual({ ideas: 1, review: 1, objective: 0, scope: 1, rollout: 2, outcome: 0 });
		expect(counts.teams.get(TEAM_A)).toBe(3);
		expect(counts.teams.get(TEAM_B)).toBe(2);
	});
});

describe('limitBreaches', () => {
	const limits = { stages: { rollout: 2 }, teams: {} };

	it('refuses a move into a full stage, with the count it would reach', () => {
		expect(limitBreaches(board, 'c3', 'rollout', limits)).toEqual([
			{ code: 'stage-limit', stage: 'rollout', limit: 2, count: 3 }
		]);
	});

	it('lets a card move within its full column, and out of it', () => {
		expect(limitBreaches(board, 'c1', 'rollout', limits)).toEqual([]);
		expect(limitBreaches(board, 'c1', 'scope', limits)).toEqual([]);
	});

	it('counts a move back like any other: a full earlier stage refuses it', () => {
		const back = { stages: { scope: 1 }, teams: {} };
		expect(limitBreaches(board, 'c1', 'scope', back)).toEqual([
			{ code: 'stage-limit', stage: 'scope', limit: 1, count: 2 }
		]);
		expect(limitBreaches(board, 'c3', 'objective', back)).toEqual([]);
	});

	it('does not count concluded initiatives: moving one adds nothing, and it leaves room', () => {
		expect(limitBreaches(board, 'c4', 'rollout', limits)).toEqual([]);
		expect(limitBreaches(board, 'c5', 'outcome', { stages: { outcome: 1 }, teams: {} })).toEqual([]);
	});

	it('refuses a move that brings a team over its limit, only when the team gains one', () => {
		const teams = { stages: {}, teams: { [TEAM_A]: 2 } };
		// An idea of team A entering Review becomes one more live initiative of team A.
		expect(limitBreaches(board, 'c5', 'review', teams)).toEqual([
			{ code: 'team-limit', teamId: TEAM_A, limit: 2, count: 3 }
		]);
		// Between later stages the team's count does not change.
		expect(limitBreaches(board, 'c1', 'outcome', teams)).toEqual([]);
		// Back to Ideas it drops.
		expect(limitBreaches(board, 'c1', 'ideas', teams)).toEqual([]);
	});

	it('checks every team of a card with several teams, and a stage and a team at once', () => {
		const full = { stages: { review: 1 }, teams: { [TEAM_A]: 2, [TEAM_B]: 2 } };
		const withReview = [...board, card('c7', 'review'), card('c8', 'ideas', [TEAM_B, TEAM_A])];
		expect(limitBreaches(withReview, 'c8', 'review', full)).toEqual([
			{ code: 'stage-limit', stage: 'review', limit: 1, count: 2 },
			{ code: 'team-limit', teamId: TEAM_A, limit: 2, count: 3 },
			{ code: 'team-limit', teamId: TEAM_B, limit: 2, count: 3 }
		]);
	});

	it('ignores unknown cards and lets everything through without limits', () => {
		expect(limitBreaches(board, 'nope', 'rollout', limits)).toEqual([]);
		expect(limitBreaches(board, 'c3', 'rollout', { stages: {}, teams: {} })).toEqual([]);
	});
});

describe('stagesOverLimit', () => {
	it('names the stages holding more live initiatives than their limit', () => {
		const counts = countLive(board);
		expect(stagesOverLimit(counts, { stages: { rollout: 1, scope: 1, ideas: 3 }, teams: {} })).toEqual([
			{ stage: 'rollout', count: 2, limit: 1 }
		]);
	});
});

describe('WipLimitsInput', () => {
	it('takes positive whole numbers per stage and per team, and nothing else', () => {
		expect(v.parse(WipLimitsInput, {})).toEqual({ stages: {}, teams: {} });
		expect(v.parse(WipLimitsInput, { stages: { rollout: 5 }, teams: { [TEAM_A]: 2 } })).toEqual({
			stages: { rollout: 5 },
			teams: { [TEAM_A]: 2 }
		});
		for (const bad of [0, -1, 2.5, 1000, '3'])
			expect(v.safeParse(WipLimitsInput, { stages: { rollout: bad } }).success).toBe(false);
		expect(v.safeParse(WipLimitsInput, { teams: { 'bad id': 2 } }).success).toBe(false);
	});
});
