import { buildBoard } from '../lib/boards.ts';
import type { BenchCluster } from '../lib/cluster.ts';
import { ClusterMeter } from '../lib/cluster-meters.ts';
import type { Context, Row } from '../lib/scenario.ts';
import { scaled } from '../lib/scenario.ts';
import { sleep } from '../lib/stats.ts';
import { runWrites } from '../lib/writes.ts';
import { c1Row } from './c1-rows.ts';

const BOARDS = 4;
const WINDOW = 8;
/** Left out at the start of the load: the client processes starting, connecting and syncing. */
const WARM_UP_MS = 3000;

/**
 * P6's write load on both processes at once, each on boards of its own (each update stored in
 * PostgreSQL and published on Redis): the rate stored, each process's CPU and RSS from /proc,
 * PostgreSQL commits/s, Redis messages/s. Each process on boards of its own, so that its CPU and RSS
 * are its own load (on shared boards the lease holder would also project the other's writes).
 */
export async function measureLoad(context: Context, cluster: BenchCluster): Promise<Row[]> {
	const seconds = scaled(context, 12, 6);
	const boardsOf = async () => {
		const contents = Array.from({ length: BOARDS }, () => buildBoard(100));
		const ids = await cluster.addBoards(contents.map((c) => c.update));
		return ids.map((boardId, i) => ({ boardId, cardIds: contents[i]?.cardIds ?? [] }));
	};
	const boards = await Promise.all(cluster.nodes.map(boardsOf));
	const meter = await ClusterMeter.start(cluster);
	try {
		context.log(`write load from both processes, ${seconds} s…`);
		const params = { window: WINDOW, perBoard: 1e9, seconds, mix: 'moves' as const };
		const load = Promise.all(
			cluster.nodes.map((node, i) => runWrites(node, 1, { ...params, boards: boards[i] ?? [] }))
		);
		load.catch(() => undefined); // awaited below, after the meter: a failure meanwhile is not unhandled
		await sleep(WARM_UP_MS);
		await meter.begin();
		await sleep(seconds * 1000 - WARM_UP_MS); // ends before the writers, which started later
		const usage = await meter.end();
		const writes = await load;
		const rate = writes.reduce((sum, w) => sum + w.acked / w.seconds, 0);
		const part = `write load: each process ${BOARDS} boards of its own, ${WINDOW} moves in flight per board, ${seconds} s`;
		return [
			c1Row(part, 'updates stored and broadcast', '/s', rate),
			...cluster.nodes.flatMap((node, i) => [
				c1Row(part, `process ${node.name} CPU (/proc)`, '% of a core', usage.cpuPct[i] ?? null),
				c1Row(part, `process ${node.name} RSS (/proc)`, 'MB', usage.rssMb[i] ?? null)
			]),
			c1Row(part, 'PostgreSQL transactions committed', '/s', usage.commitsPerSecond, {
				note: 'pg_stat_database xact_commit of the cluster database'
			}),
			c1Row(part, 'Redis messages published', '/s', usage.redisPerSecond, {
				note: 'counted by a subscriber of its own'
			})
		];
	} finally {
		await meter.close();
	}
}
