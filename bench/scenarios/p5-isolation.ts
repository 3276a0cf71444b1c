import { onBoth, rowsOf } from '../lib/both.ts';
import { buildBoard } from '../lib/boards.ts';
import { withClients } from '../lib/fleet.ts';
import type { Scenario } from '../lib/scenario.ts';
import { scaled } from '../lib/scenario.ts';
import type { Window } from '../lib/server-stats.ts';
import type { Summary } from '../lib/stats.ts';
import type { Target } from '../lib/targets.ts';
import { probeLatency } from './p1-latency.ts';

const LOADERS = 4;
/** Each loader asks for the whole board at most this often. */
const PERIOD_MS = 100;

interface Isolation {
	unloaded: Summary;
	loaded: Summary;
	server: Window;
	resyncsPerSecond: number;
	bigKb: number;
}

async function isolate(target: Target, big: Uint8Array, samples: number): Promise<Isolation> {
	const bigId = await target.addBoard(big);
	const probeId = await target.addBoard(buildBoard(20).update);
	const unloaded = await probeLatency(target, probeId, samples);
	return withClients('loader', LOADERS, async (loaders) => {
		await Promise.all(
			loaders.map((l) => l.request('start', { endpoint: target.endpoint, boardId: bigId, periodMs: PERIOD_MS }))
		);
		const since = Date.now();
		const loaded = await probeLatency(target, probeId, samples);
		const done = await Promise.all(loaders.map((l) => l.request<{ resyncs: number }>('stop')));
		const server = await target.stats.window(since);
		const resyncs = done.reduce((sum, d) => sum + d.resyncs, 0);
		return { unloaded, loaded, server, resyncsPerSecond: resyncs / server.seconds, bigKb: big.length / 1024 };
	});
}

export const p5: Scenario = {
	id: 'P5',
	title: `isolation: a 2 MB board re-synced by ${LOADERS} loaders (each every ${PERIOD_MS} ms at most), probe on another board`,
	async run(context) {
		const samples = scaled(context, 200, 100);
		const big = buildBoard(800, 2100).update; // ≈ 2 MB encoded
		const r = await onBoth(context, (target) => isolate(target, big, samples));
		const row = rowsOf('P5', `${this.title}, ${samples} probe samples each`, r);
		const ratio = row('probe p99 loaded / unloaded', '×', (i) => i.loaded.p99 / i.unloaded.p99);
		ratio.goal = '≤ 3';
		ratio.met = ratio.ours === null ? null : ratio.ours <= 3;
		return [
			row('board size', 'KB', (i) => i.bigKb),
			row('probe p99 unloaded', 'ms', (i) => i.unloaded.p99),
			row('probe p99 loaded', 'ms', (i) => i.loaded.p99),
			ratio,
			row('full re-syncs served', '/s', (i) => i.resyncsPerSecond),
			row('server CPU', '% of a core', (i) => i.server.cpuPct),
			row('event-loop delay max', 'ms', (i) => i.server.eldMax)
		];
	}
};
