import { appendFileSync } from 'node:fs';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { RUNTIME } from '../../server/bundle.ts';

/**
 * Loaded into a server process with `node --import` (through NODE_OPTIONS) when the bench runs it:
 * every SAMPLE_MS it appends one JSON line of the process's own CPU, memory and event-loop delay to
 * the file named by BOUTURE_BENCH_STATS. Our server and the bare relay get the same hook, and the
 * server's code is not touched. With BOUTURE_BENCH_STORE set it also times BoardStore.append (the
 * write-through transaction) of the runtime the server's bundle holds. SIGUSR2 runs
 * a full garbage collection, then samples at once: to tell memory still held from memory V8 has not
 * collected yet (an idle process may not collect for a long time).
 */
const file = process.env.BOUTURE_BENCH_STATS;
const SAMPLE_MS = 100;

if (file) {
	const delay = monitorEventLoopDelay({ resolution: 10 });
	delay.enable();
	let appends: number[] = [];
	let stored = 0;
	if (process.env.BOUTURE_BENCH_STORE) {
		// The server runs the built bundle, whose runtime module holds the process's one runtime: starting
		// it here hands the server's init hook the same one, and its store's appends get timed.
		const { startRuntimeOnce } = (await import(RUNTIME.href)) as typeof import('../../src/lib/server/runtime.ts');
		const { store } = (await startRuntimeOnce()).sync;
		const append = store.append.bind(store);
		store.append = async (boardId, lastSeq, updates) => {
			const start = performance.now();
			const seq = await append(boardId, lastSeq, updates);
			appends.push(Math.round((performance.now() - start) * 100) / 100, updates.length);
			stored += updates.length;
			return seq;
		};
	}
	const sample = () => {
		const cpu = process.cpuUsage();
		const mem = process.memoryUsage();
		const line = {
			t: Date.now(),
			pid: process.pid,
			cpuMs: (cpu.user + cpu.system) / 1000,
			rss: mem.rss,
			heapUsed: mem.heapUsed,
			external: mem.external,
			eldMax: delay.max / 1e6,
			eldP99: delay.percentile(99) / 1e6,
			stored,
			appends
		};
		delay.reset();
		appends = [];
		appendFileSync(file, JSON.stringify(line) + '\n');
	};
	setInterval(sample, SAMPLE_MS).unref();
	process.on('SIGUSR2', () => {
		setFlagsFromString('--expose-gc');
		(runInNewContext('gc') as () => void)();
		sample();
	});
}
