import type { Stage } from '#lib/domain/stages.ts';

/** One colour per stage, from pale (ideas) to deep (outcome), readable on white and on paper. */
export const STAGE_COLORS: Record<Stage, string> = {
	ideas: '#c7d2fe',
	review: '#93c5fd',
	objective: '#5eead4',
	scope: '#fcd34d',
	rollout: '#fb923c',
	outcome: '#15803d'
};

/** Counts of initiatives: an axis labelled 0.2, 0.4… would suggest fractions of one, so whole ticks only. */
export const wholeTicks = (scale: { ticks?: () => unknown[] }): unknown[] | undefined =>
	scale.ticks?.().filter((tick) => Number.isInteger(tick));
