import * as v from 'valibot';
import { STAGES, type Stage } from '../stages.ts';
import { ID_PATTERN } from '../validation.ts';

/**
 * Limits of live initiatives ("work in progress"): at most so many per stage and per team, so a
 * board keeps "a limited choice of intervention areas". A missing entry means no limit.
 */
export interface WipLimits {
	stages: Partial<Record<Stage, number>>;
	/** Team id → most live initiatives the team takes part in (past Ideas). */
	teams: Record<string, number>;
}

export const NO_WIP_LIMITS: Readonly<WipLimits> = { stages: {}, teams: {} };

export function hasLimits(limits: WipLimits): boolean {
	return Object.keys(limits.stages).length > 0 || Object.keys(limits.teams).length > 0;
}

/** Highest limit one may set: beyond it a limit limits nothing. */
export const MAX_WIP_LIMIT = 999;

/** Most teams that may carry a limit (an organisation has far fewer). */
const MAX_TEAM_LIMITS = 100;

const LimitInput = v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(MAX_WIP_LIMIT));

/** The limits as stored and as saved from the settings: positive whole numbers, none = no limit. */
export const WipLimitsInput = v.object({
	stages: v.optional(v.partial(v.object(Object.fromEntries(STAGES.map((s) => [s, LimitInput])))), {}),
	teams: v.optional(
		v.pipe(
			v.record(v.pipe(v.string(), v.regex(ID_PATTERN)), LimitInput),
			v.check((teams) => Object.keys(teams).length <= MAX_TEAM_LIMITS, 'Too many team limits')
		),
		{}
	)
});

/** What the limits need to know of a card on the board (archived cards are not on it). */
export interface LiveCard {
	id: string;
	stage: Stage;
	/** The lead team and the contributing ones (a card counts once for each team). */
	teamIds: readonly string[];
	/** An outcome was recorded: the initiative is over and no longer counts. */
	concluded: boolean;
}

export type LimitBreach =
	| { code: 'stage-limit'; stage: Stage; limit: number; count: number }
	| { code: 'team-limit'; teamId: string; limit: number; count: number };

/** The codes an override or a server flag records for limits (gates record their own codes). */
export const LIMIT_CODES = ['stage-limit', 'team-limit'] as const;

export interface WipCounts {
	stages: Record<Stage, number>;
	teams: Map<string, number>;
}

/**
 * Live initiatives per stage, and per team. An idea is not yet an initiative a team works on, so
 * team counts start at Review.
 */
export function countLive(cards: readonly LiveCard[]): WipCounts {
	const stages = Object.fromEntries(STAGES.map((s) => [s, 0])) as Record<Stage, number>;
	const teams = new Map<string, number>();
	for (const card of cards) {
		if (card.concluded) continue;
		stages[card.stage] += 1;
		if (card.stage === 'ideas') continue;
		for (const team of new Set(card.teamIds)) teams.set(team, (teams.get(team) ?? 0) + 1);
	}
	return { stages, teams };
}

/**
 * The limits a move of `cardId` to `to` would break: a count that ends above its limit and grew
 * with the move. A move that leaves a count as it was (within a column, a concluded card, a
 * column already over its limit that the move does not add to) breaks nothing.
 */
export function limitBreaches(cards: readonly LiveCard[], cardId: string, to: Stage, limits: WipLimits): LimitBreach[] {
	const before = countLive(cards);
	const after = countLive(cards.map((card) => (card.id === cardId ? { ...card, stage: to } : card)));
	const breaches: LimitBreach[] = [];
	for (const stage of STAGES) {
		const limit = limits.stages[stage];
		const count = after.stages[stage];
		if (limit !== undefined && count > limit && count > before.stages[stage])
			breaches.push({ code: 'stage-limit', stage, limit, count });
	}
	for (const [teamId, limit] of Object.entries(limits.teams)) {
		const count = after.teams.get(teamId) ?? 0;
		if (count > limit && count > (before.teams.get(teamId) ?? 0))
			breaches.push({ code: 'team-limit', teamId, limit, count });
	}
	return breaches;
}

/** The stages holding more live initiatives than their limit, with their counts (for the stand-up). */
export function stagesOverLimit(
	counts: WipCounts,
	limits: WipLimits
): { stage: Stage; count: number; limit: number }[] {
	return STAGES.flatMap((stage) => {
		const limit = limits.stages[stage];
		const count = counts.stages[stage];
		return limit !== undefined && count > limit ? [{ stage, count, limit }] : [];
	});
}
