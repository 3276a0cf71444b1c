import { Redis } from 'ioredis';
import { HEAD_CHECK_MS } from '../../src/lib/server/sync/hub.ts';
import { buildBoard } from '../lib/boards.ts';
import { CLUSTER_REDIS_URL, type BenchCluster } from '../lib/cluster.ts';
import { withClients, type ClientProcess } from '../lib/fleet.ts';
import type { Context, Row } from '../lib/scenario.ts';
import { scaled } from '../lib/scenario.ts';
import { sleep, summarize } from '../lib/stats.ts';
import type { TcpProxy } from '../lib/tcp-proxy.ts';
import { c1Row } from './c1-rows.ts';

const PERIOD_MS = 100;
const GIVE_UP_MS = 30_000;

/** Polls `done` every 50 ms: milliseconds from `since` until it holds, NaN after GIVE_UP_MS. */
async function timeUntil(since: number, done: () => Promise<boolean>): Promise<number> {
	while (Date.now() - since < GIVE_UP_MS) {
		if (await done()) return Date.now() - since;
		await sleep(50);
	}
	return NaN;
}

/** Whether every key the client's writer sent reached its observer (on the other process). */
async function holdsAll(client: ClientProcess): Promise<boolean> {
	const [sent, seen] = await Promise.all([client.request<string[]>('stop'), client.request<[string][]>('seen')]);
	const keys = new Set(seen.map(([key]) => key));
	return sent.every((key) => keys.has(key));
}

/** Whether the node's two Redis connections (named by RedisBus) are back. */
async function busConnected(redis: Redis, nodeId: string): Promise<boolean> {
	const list = String(await redis.call('CLIENT', 'LIST'));
	return ['pub', 'sub'].every((side) => list.includes(`name=bouture-${nodeId}-${side} `));
}

/**
 * Process A reaches Redis through `proxy`. A client on A writes keys on one board, a client on B reads
 * them; the proxy cuts A from Redis for a while: A's writes still reach B's client, from the log, at B's
 * head check (B writes nothing: its own stores would read A's rows sooner). Then it heals: the time
 * until B's client holds every write of A, and until A's bus connections are back.
 */
export async function measureRedisCut(context: Context, cluster: BenchCluster, proxy: TcpProxy): Promise<Row[]> {
	const cutMs = scaled(context, 30, 5) * 1000;
	const [a, b] = [cluster.node(0), cluster.node(1)];
	const [boardId] = await cluster.addBoards([buildBoard(20).update]);
	const redis = new Redis(CLUSTER_REDIS_URL, { connectionName: 'bouture-bench-watch' });
	try {
		return await withClients('keys', 1, async ([fromA]) => {
			if (!fromA) throw new Error('a key client expected');
			await fromA.request('open', { boardId, write: a.endpoint, writers: 1, observe: [b.endpoint] });
			await fromA.request('start', { prefix: 'a', periodMs: PERIOD_MS });
			await sleep(2000); // live delivery first
			context.log(`cutting A from Redis for ${cutMs / 1000} s…`);
			const cutAt = Date.now();
			proxy.cut();
			await sleep(cutMs);
			const healedAt = Date.now();
			proxy.heal();
			const [converged, reconnected] = await Promise.all([
				timeUntil(healedAt, () => holdsAll(fromA)),
				timeUntil(healedAt, () => busConnected(redis, a.nodeId))
			]);
			const seenOnB = await fromA.request<[string, number, number][]>('seen');
			const during = summarize(
				seenOnB.filter(([, sent]) => sent >= cutAt && sent < healedAt).map(([, sent, at]) => at - sent)
			);
			const part = `Redis cut: A cut from Redis for ${cutMs / 1000} s (a TCP proxy), a write every ${PERIOD_MS} ms on A, B idle`;
			const bound = HEAD_CHECK_MS + 500;
			return [
				c1Row(part, "during the cut, A's writes seen by B's client: delay p50", 'ms', during.p50, {
					note: `${during.n} writes`
				}),
				c1Row(part, "during the cut, A's writes seen by B's client: delay max", 'ms', during.max, {
					goal: `≤ head check (${HEAD_CHECK_MS / 1000} s) + 0.5 s`,
					met: during.max <= bound
				}),
				c1Row(part, "after healing: B's client holds every write of A", 's', converged / 1000),
				c1Row(part, "after healing: A's bus connections back", 's', reconnected / 1000, {
					note: 'ioredis reconnects with a back-off of at most 2 s'
				})
			];
		});
	} finally {
		redis.disconnect();
	}
}
