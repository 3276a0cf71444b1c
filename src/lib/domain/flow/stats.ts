/**
 * The p-quantile of `values` by linear interpolation between closest ranks (as spreadsheets'
 * PERCENTILE.INC and d3.quantile): the median of [1, 2, 3, 4] is 2.5. Null for no values.
 */
export function quantile(values: readonly number[], p: number): number | null {
	return quantileOfSorted(
		[...values].sort((a, b) => a - b),
		p
	);
}

function quantileOfSorted(sorted: readonly number[], p: number): number | null {
	if (sorted.length === 0) return null;
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
	const sorted = [...days].sort((a, b) => a - b); // once for both
	return { count: days.length, median: quantileOfSorted(sorted, 0.5), p85: quantileOfSorted(sorted, 0.85) };
}

export const DAY_MS = 86_400_000;
