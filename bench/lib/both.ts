import type { Context, Row } from './scenario.ts';
import { startBare, startOurs, type Kind, type Target } from './targets.ts';

/** Runs `measure` against our server, then against the bare relay, each started fresh and stopped after. */
export async function onBoth<T>(
	context: Context,
	measure: (target: Target) => Promise<T>,
	kinds: Kind[] = ['ours', 'bare']
): Promise<Record<Kind, T | null>> {
	const result: Record<Kind, T | null> = { ours: null, bare: null };
	for (const kind of kinds) {
		const target = kind === 'ours' ? await startOurs(context.oursProcess) : await startBare();
		try {
			context.log(`${kind}…`);
			result[kind] = await measure(target);
		} finally {
			await target.stop();
		}
	}
	return result;
}

/** A figure of each side, for a table row. */
export function pick<T>(
	both: Record<Kind, T | null>,
	get: (value: T) => number
): { ours: number | null; bare: number | null } {
	return { ours: both.ours === null ? null : get(both.ours), bare: both.bare === null ? null : get(both.bare) };
}

/** The row maker of one scenario's table: each figure for both sides (or ours only), no goal yet. */
export function rowsOf<T>(id: string, scenario: string, both: Record<Kind, T | null>) {
	return (metric: string, unit: string, get: (value: T) => number, withBare = true): Row => {
		const { ours, bare } = pick(both, get);
		return { id, scenario, metric, unit, ours, bare: withBare ? bare : null, goal: '', met: null };
	};
}
