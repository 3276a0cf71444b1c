import type { Direction } from './types.ts';

/** What progress is measured against: the objective's numbers. */
export interface Goal {
	baseline?: number;
	target?: number;
	direction: Direction;
}

/**
 * Share of the way from baseline to target covered by `value` (1 = target reached), unclamped:
 * negative when the value went the wrong way. Null when undefined: a missing or non-finite number,
 * a target equal to the baseline, or a target on the wrong side of the baseline for the direction.
 * Always finite otherwise (huge ratios are capped at ±Number.MAX_VALUE).
 */
export function rawProgress(goal: Goal, value: number): number | null {
	const { baseline, target } = goal;
	if (!isFiniteNumber(baseline) || !isFiniteNumber(target) || !isFiniteNumber(value)) return null;
	// A decrease is an increase of the mirrored values, so both directions share one formula.
	const sign = goal.direction === 'decrease' ? -1 : 1;
	let needed = sign * (target - baseline);
	let gained = sign * (value - baseline);
	if (needed === Infinity) {
		// The span itself overflowed: halving both sides keeps every difference finite.
		needed = sign * (target / 2 - baseline / 2);
		gained = sign * (value / 2 - baseline / 2);
	}
	if (!(needed > 0)) return null;
	const ratio = gained / needed;
	if (ratio === 0) return 0; // never −0, so mirrored inputs give the very same number
	return Math.max(-Number.MAX_VALUE, Math.min(Number.MAX_VALUE, ratio));
}

/** Progress toward the target as a fraction (0.42 = 42 %): never below 0, beyond 1 when exceeded. */
export function progress(goal: Goal, value: number): number | null {
	const ratio = rawProgress(goal, value);
	return ratio === null ? null : Math.max(0, ratio);
}

export function isFiniteNumber(value: unknown): value is number {
	return typeof value === 'number' && Number.isFinite(value);
}
