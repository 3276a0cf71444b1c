import { readFileSync } from 'node:fs';
import { sleep } from './stats.ts';

interface Sample {
	t: number;
	pid: number;
	cpuMs: number;
	rss: number;
	heapUsed: number;
	eldMax: number;
	eldP99: number;
	stored: number;
	/** Pairs: duration (ms) of one write-through transaction, number of updates in it. */
	appends: number[];
}

export interface Window {
	/** CPU time over wall time, in percent of one core. */
	cpuPct: number;
	rssMaxMb: number;
	rssLastMb: number;
	heapLastMb: number;
	/** Longest event-loop stall seen (ms). */
	eldMax: number;
	/** Worst per-sample p99 of event-loop delay (ms). */
	eldP99: number;
	stored: number;
	/** Durations of the write-through transactions (ms), one per batch. */
	appendMs: number[];
	appendBatch: number[];
	seconds: number;
}

const MB = 1024 * 1024;

/** Reads the samples the stats hook (stats-hook.ts) appends inside a server process. */
export class ServerStats {
	readonly file: string;

	constructor(file: string) {
		this.file = file;
	}

	#samples(): Sample[] {
		let text: string;
		try {
			text = readFileSync(this.file, 'utf8');
		} catch {
			return [];
		}
		return text
			.split('\n')
			.filter((line) => line.startsWith('{'))
			.map((line) => JSON.parse(line) as Sample);
	}

	/** The process's figures between `since` (a Date.now()) and now; waits for a sample after now. */
	async window(since: number): Promise<Window> {
		const until = Date.now();
		let all = this.#samples();
		for (let i = 0; i < 30 && (all.at(-1)?.t ?? 0) <= until; i++) {
			await sleep(50);
			all = this.#samples();
		}
		const before = all.filter((s) => s.t <= since).at(-1) ?? all[0];
		const inside = all.filter((s) => s.t > since);
		const last = inside.at(-1) ?? all.at(-1);
		if (!before || !last) throw new Error(`no server samples in ${this.file}`);
		const appends = inside.flatMap((s) => s.appends);
		return {
			cpuPct: ((last.cpuMs - before.cpuMs) / Math.max(1, last.t - before.t)) * 100,
			rssMaxMb: Math.max(...inside.map((s) => s.rss), last.rss) / MB,
			rssLastMb: last.rss / MB,
			heapLastMb: last.heapUsed / MB,
			eldMax: Math.max(0, ...inside.map((s) => s.eldMax)),
			eldP99: Math.max(0, ...inside.map((s) => s.eldP99)),
			stored: last.stored - before.stored,
			appendMs: appends.filter((_, i) => i % 2 === 0),
			appendBatch: appends.filter((_, i) => i % 2 === 1),
			seconds: (last.t - before.t) / 1000
		};
	}

	/** The sampled process's id, once it wrote a sample. */
	pid(): number | undefined {
		return this.#samples().at(-1)?.pid;
	}

	/** Kills the sampled process (one that never said it was listening). */
	killProcess(): void {
		const pid = this.pid();
		if (pid) process.kill(pid, 'SIGKILL');
	}

	/** Memory right after a full garbage collection in the server (see stats-hook.ts). */
	async memoryAfterGc(): Promise<{ rssMb: number; heapMb: number }> {
		const pid = this.pid();
		if (!pid) throw new Error(`no server samples in ${this.file}`);
		process.kill(pid, 'SIGUSR2');
		await sleep(1000); // a full collection of a few GB takes a moment
		return this.memory();
	}

	/** The latest resident set size and V8 heap in use (MB). */
	async memory(): Promise<{ rssMb: number; heapMb: number }> {
		const w = await this.window(Date.now());
		return { rssMb: w.rssLastMb, heapMb: w.heapLastMb };
	}
}
