import { onBoth, rowsOf } from '../lib/both.ts';
import { buildBoard } from '../lib/boards.ts';
import { withClients } from '../lib/fleet.ts';
import type { Row, Scenario } from '../lib/scenario.ts';
import { scaled } from '../lib/scenario.ts';
import type { Window } from '../lib/server-stats.ts';
import { summarize, type Summary } from '../lib/stats.ts';
import type { Target } from '../lib/targets.ts';
import { INTERVAL_MS, probeLatency } from './p1-latency.ts';

const MOVER_PROCESSES = 2;
const CARDS = 200;

interface Fanout {
	probe: Summary;
	server: Window;
	moves: number;
}

/** `clients` movers (one move per second each) on one board while the probe measures latency there. */
async function fanOut(target: Target, clients: number, seconds: number): Promise<Fanout> {
	const board = buildBoard(Math.max(CARDS, clients));
	const boardId = await target.addBoard(board.update);
	return withClients('movers', MOVER_PROCESSES, async (movers) => {
		const share = (i: number) => board.cardIds.slice(0, clients).filter((_, k) => k % MOVER_PROCESSES === i);
		await Promise.all(
			movers.map((m, i) => m.request('connect', { endpoint: target.endpoint, boardId, cardIds: share(i) }))
		);
		const since = Date.now();
		await Promise.all(movers.map((m, i) => m.request('start', { cardIds: share(i), periodMs: 1000 })));
		// A saturated server may not even let the probe connect: the other figures still tell why.
		const probe = await probeLatency(target, boardId, Math.round((seconds * 1000) / INTERVAL_MS)).catch(
			(error: unknown) => (console.error(`  probe failed: ${String(error)}`), summarize([]))
		);
		const counts = await Promise.all(movers.map((m) => m.request<{ sent: number }>('stop')));
		const server = await target.stats.window(since);
		await Promise.all(movers.map((m) => m.request('close')));
		return { probe, server, moves: counts.reduce((sum, c) => sum + c.sent, 0) };
	});
}

export const p2: Scenario = {
	id: 'P2',
	title: 'fan-out, one board, a move per client per second',
	async run(context) {
		const seconds = scaled(context, 12, 5);
		const rows: Row[] = [];
		for (const clients of [scaled(context, 50, 10), scaled(context, 200, 20)]) {
			const r = await onBoth(context, (target) => fanOut(target, clients, seconds));
			const title = `${this.title}: ${clients} clients, ${seconds} s`;
			const row = rowsOf('P2', title, r);
			const p99 = row('probe p99', 'ms', (f) => f.probe.p99);
			const stall = row('event-loop delay max', 'ms', (f) => f.server.eldMax);
			const last = clients === scaled(context, 200, 20);
			const p1 = context.shared.get('P1.p99');
			if (last) {
				p99.goal = p1 === undefined ? '≤ 2 × P1 p99 (P1 not run)' : `≤ 2 × P1 p99 = ${(2 * p1).toFixed(1)} ms`;
				p99.met = p1 === undefined || p99.ours === null ? null : p99.ours <= 2 * p1;
				stall.goal = '≤ 100 ms';
				stall.met = stall.ours === null ? null : stall.ours <= 100;
			}
			rows.push(
				row('probe p50', 'ms', (f) => f.probe.p50),
				p99,
				row('server CPU', '% of a core', (f) => f.server.cpuPct),
				row('server RSS max', 'MB', (f) => f.server.rssMaxMb),
				stall,
				row('moves sent', 'count', (f) => f.moves)
			);
		}
		return rows;
	}
};
