import { appendFileSync } from 'node:fs';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * Loaded into a server process with `node --import` (through NODE_OPTIONS) when the bench runs it:
 * every SAMPLE_MS it appends one JSON line of the process's own CPU, memory and event-loop delay to
 * the file named by BOUTURE_BENCH_STATS. Our server and the bare relay get the same hook, and the
 * server's code is not touched. With BOUTURE_BENCH_STORE set it also times BoardStore.append (the
 * write-through transaction), patched on the very module instance the server imports. SIGUSR2 runs
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
		const url = new URL('../../src/lib/server/sync/store.ts', import.meta.url);
		const { BoardStore } = (await import(url.href)) as typeof import('../../src/lib/server/sync/store.ts');
		const append = BoardStore.prototype.append;
		BoardStore.prototype.append = async function (this: InstanceType<typeof BoardStore>, boardId, lastSeq, updates) {
			const start = performance.now();
			const seq = await append.call(this, boardId, lastSeq, updates);
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
