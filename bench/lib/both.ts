import type { Context, Figures, Row } from './scenario.ts';
import { startTarget, type Kind, type Target } from './targets.ts';

/** Runs `measure` against each server in turn (ours, bare, both Hocuspocus), each started fresh and stopped after. */
export async function onBoth<T>(
	context: Context,
	measure: (target: Target) => Promise<T>,
	kinds: readonly Kind[] = context.kinds
): Promise<Record<Kind, T | null>> {
	const result: Record<Kind, T | null> = { ours: null, bare: null, hocuspocus: null, hocuspocus0: null };
	for (const kind of kinds) {
		const target = await startTarget(kind, kind === 'ours' ? context.oursProcess : {});
		try {
			context.log(`${kind}…`);
			result[kind] = await measure(target);
		} finally {
			await target.stop();
		}
	}
	return result;
}

/** A figure of each server, for a table row. */
export function pick<T>(all: Record<Kind, T | null>, get: (value: T) => number): Figures {
	const figure = (kind: Kind) => {
		const value = all[kind];
		return value === null ? null : get(value);
	};
	return {
		ours: figure('ours'),
		bare: figure('bare'),
		hocuspocus: figure('hocuspocus'),
		hocuspocus0: figure('hocuspocus0')
	};
}

/** The row maker of one scenario's table: each figure for every server (or ours only), no goal yet. */
export function rowsOf<T>(id: string, scenario: string, all: Record<Kind, T | null>) {
	return (metric: string, unit: string, get: (value: T) => number, withOthers = true): Row => {
		const figures = pick(all, get);
		const others = withOthers ? figures : { ours: figures.ours, bare: null };
		return { id, scenario, metric, unit, ...others, goal: '', met: null };
	};
}
