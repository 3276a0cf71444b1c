import type { Kind, ProcessOptions } from './targets.ts';

/** A figure per server; null (or absent, for the Hocuspocus pair): not measured (n/a). */
export interface Figures {
	ours: number | null;
	bare: number | null;
	hocuspocus?: number | null;
	hocuspocus0?: number | null;
}

/** One line of the results table. */
export interface Row extends Figures {
	id: string;
	scenario: string;
	metric: string;
	unit: string;
	goal: string;
	/** null when the row has no goal of its own (context figures). */
	met: boolean | null;
	note?: string;
}

export interface Context {
	/** Multiplies counts and durations (1 = the figures). */
	scale: number;
	/** The servers measured (--skip-hocuspocus leaves out the pair). */
	kinds: readonly Kind[];
	/** Node flags for our server's process (profiling). */
	oursProcess: ProcessOptions;
	/** Figures earlier scenarios left for later ones (e.g. P1's p99 for P2's goal). */
	shared: Map<string, number>;
	log(message: string): void;
}

export interface Scenario {
	id: string;
	title: string;
	run(context: Context): Promise<Row[]>;
}

/** `n × scale`, at least `min`. */
export function scaled(context: Context, n: number, min = 1): number {
	return Math.max(min, Math.round(n * context.scale));
}
