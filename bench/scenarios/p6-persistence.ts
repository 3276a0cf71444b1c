import { onBoth, rowsOf } from '../lib/both.ts';
import { buildBoard } from '../lib/boards.ts';
import type { Scenario } from '../lib/scenario.ts';
import { scaled } from '../lib/scenario.ts';
import type { Window } from '../lib/server-stats.ts';
import { summarize, type Summary } from '../lib/stats.ts';
import type { Target } from '../lib/targets.ts';
import { runWrites } from '../lib/writes.ts';

const BOARDS = 8;
const WINDOW = 32;
/** Sockets writing each board: one socket may send 100 messages/s (sync/budget.ts), so 5,000/s takes many people. */
const WRITERS = 16;

interface Persist {
	perSecond: number;
	echo: Summary;
	server: Window;
	append: Summary;
	batch: number;
}

/** `BOARDS` boards, `WRITERS` writers each keeping `WINDOW` moves in flight between them, for `seconds`. */
async function persist(target: Target, seconds: number): Promise<Persist> {
	const boards = [];
	for (let i = 0; i < BOARDS; i++) {
		const content = buildBoard(100);
		boards.push({ boardId: await target.addBoard(content.update), cardIds: content.cardIds });
	}
	const since = Date.now();
	const writes = await runWrites(target, 2, {
		boards,
		window: WINDOW,
		perBoard: 1e9,
		seconds,
		mix: 'moves',
		writers: WRITERS
	});
	const server = await target.stats.window(since);
	return {
		perSecond: writes.acked / writes.seconds,
		echo: summarize(writes.latencies),
		server,
		append: summarize(server.appendMs),
		batch: server.appendBatch.reduce((s, b) => s + b, 0) / (server.appendBatch.length || 1)
	};
}

export const p6: Scenario = {
	id: 'P6',
	title: 'persistence: write-through under sustained writes',
	async run(context) {
		const seconds = scaled(context, 10, 3);
		const r = await onBoth(context, (target) => persist(target, seconds));
		const title = `${this.title} (${BOARDS} boards × ${WRITERS} writers, ${WINDOW} moves in flight per board, ${seconds} s)`;
		const row = rowsOf('P6', title, r);
		const rate = row('updates stored and broadcast', '/s', (p) => p.perSecond);
		rate.goal = '≥ 5,000/s';
		rate.met = rate.ours === null ? null : rate.ours >= 5000;
		const append = row('persist (write-through transaction) p99', 'ms', (p) => p.append.p99, false);
		append.goal = '≤ 10 ms';
		append.met = append.ours === null ? null : append.ours <= 10;
		append.note = 'bare: no persistence';
		return [
			rate,
			row('echo latency (sent → back through the server) p50', 'ms', (p) => p.echo.p50),
			row('echo latency p99', 'ms', (p) => p.echo.p99),
			row('persist p50', 'ms', (p) => p.append.p50, false),
			append,
			row('updates per transaction (mean)', 'count', (p) => p.batch, false),
			row('server CPU', '% of a core', (p) => p.server.cpuPct),
			row('event-loop delay max', 'ms', (p) => p.server.eldMax)
		];
	}
};
