import type { ProcessOptions } from './targets.ts';

/** One line of the results table. `ours`/`bare` null: not measured (n/a). */
export interface Row {
	id: string;
	scenario: string;
	metric: string;
	unit: string;
	ours: number | null;
	bare: number | null;
	goal: string;
	/** null when the row has no goal of its own (context figures). */
	met: boolean | null;
	note?: string;
}

export interface Context {
	/** Multiplies counts and durations (1 = the figures). */
	scale: number;
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
