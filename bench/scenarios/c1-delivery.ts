import { buildBoard } from '../lib/boards.ts';
import type { BenchCluster } from '../lib/cluster.ts';
import type { Context, Row } from '../lib/scenario.ts';
import { scaled } from '../lib/scenario.ts';
import { INTERVAL_MS, probeLatency } from './p1-latency.ts';
import { c1Row } from './c1-rows.ts';

/**
 * P1's probe twice, each on a board of its own: writer and reader on process A (same-process), then
 * writer on A and reader on B (cross-process: A stores, publishes on Redis, B applies and sends).
 */
export async function measureDelivery(context: Context, cluster: BenchCluster): Promise<Row[]> {
	const count = scaled(context, 400, 100);
	const [a, b] = [cluster.node(0), cluster.node(1)];
	const [same = '', cross = ''] = await cluster.addBoards([buildBoard(20).update, buildBoard(20).update]);
	context.log(`same-process probe (${count} stamps)…`);
	const local = await probeLatency(a, same, count);
	context.log(`cross-process probe (${count} stamps)…`);
	const remote = await probeLatency(a, cross, count, b.endpoint);
	const part = `delivery, a stamp every ${INTERVAL_MS} ms, ${count} samples`;
	return [
		c1Row(part, 'same process (writer and reader on A) p50', 'ms', local.p50),
		c1Row(part, 'same process p99', 'ms', local.p99),
		c1Row(part, 'cross process (writer on A, reader on B) p50', 'ms', remote.p50),
		c1Row(part, 'cross process p99', 'ms', remote.p99, {
			goal: '≤ 2 × same-process p99',
			met: remote.p99 <= 2 * local.p99
		})
	];
}
