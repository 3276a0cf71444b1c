import type { Row } from '../lib/scenario.ts';

/** A row of C1's table: our figure only (the cluster has no counterpart among the other servers). */
export function c1Row(
	part: string,
	metric: string,
	unit: string,
	ours: number | null,
	extra: Partial<Pick<Row, 'goal' | 'met' | 'note'>> = {}
): Row {
	const scenario = `cluster, 2 processes on PostgreSQL + Redis: ${part}`;
	return { id: 'C1', scenario, metric, unit, ours, bare: null, goal: '', met: null, ...extra };
}
