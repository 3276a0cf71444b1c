import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** A process's CPU time and resident memory, read from /proc (Linux) from outside the process. */
export interface ProcSample {
	at: number;
	cpuSeconds: number;
	rssMb: number;
}

function sysconf(name: string, fallback: number): number {
	const value = Number(spawnSync('getconf', [name], { encoding: 'utf8' }).stdout);
	return value > 0 ? value : fallback;
}

const TICKS_PER_SECOND = sysconf('CLK_TCK', 100);
const PAGE_BYTES = sysconf('PAGESIZE', 4096);

export function sampleProc(pid: number): ProcSample {
	const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
	// The fields after the command name, which may hold spaces: utime and stime are the 14th and 15th.
	const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
	const ticks = Number(fields[11]) + Number(fields[12]);
	const residentPages = Number(readFileSync(`/proc/${pid}/statm`, 'utf8').split(' ')[1]);
	return { at: Date.now(), cpuSeconds: ticks / TICKS_PER_SECOND, rssMb: (residentPages * PAGE_BYTES) / 2 ** 20 };
}

/** CPU used between two samples, in percent of one core. */
export function cpuPercent(before: ProcSample, after: ProcSample): number {
	return ((after.cpuSeconds - before.cpuSeconds) / Math.max(0.001, (after.at - before.at) / 1000)) * 100;
}
