/**
 * The p-quantile of `values` by linear interpolation between closest ranks (as spreadsheets'
 * PERCENTILE.INC and d3.quantile): the median of [1, 2, 3, 4] is 2.5. Null for no values.
 */
export function quantile(values: readonly number[], p: number): number | null {
	if (values.length === 0) return null;
	const sorted = [...values].sort((a, b) => a - b);
	const rank = (sorted.length - 1) * Math.min(1, Math.max(0, p));
	const low = Math.floor(rank);
	const high = Math.ceil(rank);
	const a = sorted[low]!;
	const b = sorted[high]!;
	return a + (b - a) * (rank - low);
}

/** Median, 85th percentile and count of durations (in days). */
export interface Spread {
	count: number;
	median: number | null;
	p85: number | null;
}

export function spreadOf(days: readonly number[]): Spread {
	return { count: days.length, median: quantile(days, 0.5), p85: quantile(days, 0.85) };
}

export const DAY_MS = 86_400_000;
