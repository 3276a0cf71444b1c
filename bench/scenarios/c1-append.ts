import { buildBoard } from '../lib/boards.ts';
import type { BenchCluster } from '../lib/cluster.ts';
import type { Context, Row } from '../lib/scenario.ts';
import { scaled } from '../lib/scenario.ts';
import type { ServerStats } from '../lib/server-stats.ts';
import { summarize, type Summary } from '../lib/stats.ts';
import { startOurs, type Target } from '../lib/targets.ts';
import { runWrites } from '../lib/writes.ts';
import { tempDbPath } from '../../tests/factories/server.ts';
import { c1Row } from './c1-rows.ts';

export interface AppendLatency {
	/** Sent → back through the server (it echoes only what it stored). */
	echo: Summary;
	/** The write-through transaction, timed inside the server (stats-hook.ts). */
	append: Summary;
}

/** One writer, one update in flight: every update is its own transaction. */
async function singleWriter(
	target: Pick<Target, 'endpoint'> & { stats: ServerStats; addBoard(content: Uint8Array): Promise<string> },
	seconds: number
): Promise<AppendLatency> {
	const content = buildBoard(20);
	const boardId = await target.addBoard(content.update);
	const since = Date.now();
	const boards = [{ boardId, cardIds: content.cardIds }];
	const writes = await runWrites(target, 1, { boards, window: 1, perBoard: 1e9, seconds, mix: 'moves' });
	return { echo: summarize(writes.latencies), append: summarize((await target.stats.window(since)).appendMs) };
}

const secondsOf = (context: Context) => scaled(context, 8, 3);

/** On process A of the cluster (PostgreSQL; A also publishes each update on Redis, after the echo). */
export function appendOnPostgres(context: Context, cluster: BenchCluster): Promise<AppendLatency> {
	const a = cluster.node(0);
	context.log('single writer on PostgreSQL…');
	return singleWriter({ ...a, addBoard: async (c) => (await cluster.addBoards([c]))[0] ?? '' }, secondsOf(context));
}

/** The same on one process with a SQLite file (the default mode). */
export async function appendOnSqlite(context: Context): Promise<AppendLatency> {
	const ours = await startOurs(context.oursProcess, tempDbPath());
	try {
		context.log('single writer on SQLite…');
		return await singleWriter(ours, secondsOf(context));
	} finally {
		await ours.stop();
	}
}

export function appendRows(context: Context, postgres: AppendLatency, sqlite: AppendLatency): Row[] {
	const part = `append, one writer, one update in flight, ${secondsOf(context)} s`;
	const rows: Row[] = [];
	for (const [what, get] of [
		['echo (sent → stored → back)', (l: AppendLatency) => l.echo],
		['write-through transaction', (l: AppendLatency) => l.append]
	] as const)
		for (const p of ['p50', 'p99'] as const) {
			const note = `PostgreSQL / SQLite ${(get(postgres)[p] / get(sqlite)[p]).toFixed(2)}×`;
			rows.push(c1Row(part, `${what} ${p}, PostgreSQL`, 'ms', get(postgres)[p], { note }));
			rows.push(c1Row(part, `${what} ${p}, SQLite`, 'ms', get(sqlite)[p]));
		}
	return rows;
}
