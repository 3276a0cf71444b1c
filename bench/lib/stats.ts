/** Order statistics over latency samples (milliseconds). */
export interface Summary {
	n: number;
	p50: number;
	p95: number;
	p99: number;
	max: number;
	mean: number;
}

export function percentile(sorted: readonly number[], p: number): number {
	if (sorted.length === 0) return NaN;
	const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
	return sorted[index] ?? NaN;
}

export function summarize(values: readonly number[]): Summary {
	const sorted = [...values].sort((a, b) => a - b);
	const mean = sorted.reduce((sum, v) => sum + v, 0) / (sorted.length || 1);
	return {
		n: sorted.length,
		p50: percentile(sorted, 50),
		p95: percentile(sorted, 95),
		p99: percentile(sorted, 99),
		max: sorted.at(-1) ?? NaN,
		mean
	};
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Rounds for the report: 2 significant digits below 1, 2 decimals below 10, 1 below 1000, none above. */
export function round(value: number): number {
	if (!Number.isFinite(value) || value === 0) return value;
	const size = Math.abs(value);
	if (size < 1) return Number(value.toPrecision(2));
	return Number(value.toFixed(size < 10 ? 2 : size < 1000 ? 1 : 0));
}
