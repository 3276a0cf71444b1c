import { BoardStore } from '../../src/lib/server/sync/store.ts';
import { buildBoard } from '../lib/boards.ts';
import type { BenchCluster, ClusterNode } from '../lib/cluster.ts';
import { withClients } from '../lib/fleet.ts';
import { LeaseWatch, type Lease } from '../lib/lease.ts';
import type { Context, Row } from '../lib/scenario.ts';
import { scaled } from '../lib/scenario.ts';
import { sleep } from '../lib/stats.ts';
import { c1Row } from './c1-rows.ts';

const WRITERS = 10;
const PERIOD_MS = 50;
const TAKEOVER_GOAL_S = 30;
const TAKEOVER_GIVE_UP_MS = 90_000;

function holderNode(cluster: BenchCluster, lease: Lease | null): ClusterNode | undefined {
	return cluster.nodes.find((node) => lease?.holder === node.nodeId || lease?.holder.includes(node.nodeId));
}

/**
 * WRITERS clients on each process write keys on one board (each process's client also observes it
 * there); the process holding the board's lease (A when there is no lease table) is killed with
 * SIGKILL under that load. Acknowledged = received by an observer (a server sends only what it
 * stored); lost = acknowledged but missing from a fresh load from PostgreSQL. With a lease table, the
 * time from the kill until the other process holds the lease.
 */
export async function measureCrash(context: Context, cluster: BenchCluster): Promise<Row[]> {
	const loadMs = scaled(context, 5, 2) * 1000;
	const [boardId = ''] = await cluster.addBoards([buildBoard(20).update]);
	const leases = await LeaseWatch.open(cluster.db, boardId);
	return withClients('keys', cluster.nodes.length, async (clients) => {
		for (const [i, client] of clients.entries()) {
			const node = cluster.node(i);
			await client.request('open', { boardId, write: node.endpoint, writers: WRITERS, observe: [node.endpoint] });
		}
		await Promise.all(clients.map((c, i) => c.request('start', { prefix: `w${i}`, periodMs: PERIOD_MS })));
		const before = leases ? await leases.until(() => true, 10_000) : null;
		const victim = holderNode(cluster, before) ?? cluster.node(0);
		await sleep(loadMs);
		context.log(`kill -9 process ${victim.name}${before ? ` (lease holder, epoch ${before.epoch})` : ''}…`);
		const killedAt = Date.now();
		await victim.server.kill();
		const takenOver = before
			? await leases?.until((lease) => lease.holder !== before.holder, TAKEOVER_GIVE_UP_MS)
			: await sleep(2000).then(() => null);
		const takeoverS = takenOver ? (Date.now() - killedAt) / 1000 : null;
		await Promise.all(clients.map((c) => c.request('stop')));
		await sleep(1000); // the last updates in flight to the survivor
		const written = (await Promise.all(clients.map((c) => c.request<string[]>('stop')))).flat();
		const seen = new Set((await Promise.all(clients.map((c) => c.request<[string][]>('seen')))).flat().map(([k]) => k));
		const stored = await new BoardStore(cluster.db).load(boardId);
		const kept = stored.doc.getMap('keys');
		const lost = [...seen].filter((key) => !kept.has(key)).length;
		// Updates that cannot integrate: the stored log or snapshot has a hole (not a late write).
		const holes = stored.doc.store.pendingStructs !== null || stored.doc.store.pendingDs !== null;
		stored.doc.destroy();
		const part = `kill -9 under load: ${WRITERS} writers per process, a write each every ${PERIOD_MS} ms, kill after ${loadMs / 1000} s`;
		const takeoverNote = !leases
			? 'n/a (no lease table)'
			: !before
				? 'n/a (no lease row for the board)'
				: takenOver
					? `from ${before.holder} to ${takenOver.holder}, epoch ${before.epoch} → ${takenOver.epoch}`
					: `not taken over within ${TAKEOVER_GIVE_UP_MS / 1000} s`;
		if (!leases) context.log('lease takeover: n/a (no lease table)');
		return [
			c1Row(part, 'updates sent', 'count', written.length),
			c1Row(part, 'updates acknowledged (received by a client)', 'count', seen.size),
			c1Row(part, 'acknowledged but missing from PostgreSQL', 'count', lost, {
				goal: '0',
				met: lost === 0,
				...(holes ? { note: 'the stored board has updates that cannot integrate (a hole in the log)' } : {})
			}),
			c1Row(part, 'lease takeover (kill → the other process holds it)', 's', takenOver ? takeoverS : null, {
				goal: `≤ ${TAKEOVER_GOAL_S} s`,
				met: takeoverS === null ? null : takeoverS <= TAKEOVER_GOAL_S,
				note: takeoverNote
			})
		];
	});
}
