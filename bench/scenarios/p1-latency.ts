import { onBoth, pick } from '../lib/both.ts';
import { buildBoard } from '../lib/boards.ts';
import { forkClient } from '../lib/fleet.ts';
import type { Scenario } from '../lib/scenario.ts';
import { scaled } from '../lib/scenario.ts';
import { summarize, type Summary } from '../lib/stats.ts';
import type { Endpoint, Target } from '../lib/targets.ts';

export const INTERVAL_MS = 50;

/** Runs the latency probe (clients/probe.ts) on a board for `count` samples (read through `reader`, if given). */
export async function probeLatency(
	target: Pick<Target, 'endpoint'>,
	boardId: string,
	count: number,
	reader?: Endpoint
): Promise<Summary> {
	const probe = forkClient('probe');
	try {
		const samples = await probe.request<number[]>('run', {
			endpoint: target.endpoint,
			readerEndpoint: reader,
			boardId,
			intervalMs: INTERVAL_MS,
			count
		});
		return summarize(samples);
	} finally {
		await probe.stop();
	}
}

export const p1: Scenario = {
	id: 'P1',
	title: 'latency, 2 clients, a stamp every 50 ms',
	async run(context) {
		const count = scaled(context, 1000, 100);
		const both = await onBoth(context, async (target) => {
			const boardId = await target.addBoard(buildBoard(20).update);
			const since = Date.now();
			const probe = await probeLatency(target, boardId, count);
			return { probe, persist: summarize((await target.stats.window(since)).appendMs) };
		});
		const p99 = pick(both, (s) => s.probe.p99);
		if (p99.ours !== null) context.shared.set('P1.p99', p99.ours);
		const goal = p99.ours !== null && p99.bare !== null && p99.ours <= 20 && p99.ours <= 1.25 * p99.bare;
		return [
			{
				id: 'P1',
				scenario: this.title,
				metric: `p50 of ${count}`,
				unit: 'ms',
				...pick(both, (s) => s.probe.p50),
				goal: '',
				met: null
			},
			{
				id: 'P1',
				scenario: this.title,
				metric: `p99 of ${count}`,
				unit: 'ms',
				...p99,
				goal: '≤ 20 ms and ≤ 1.25 × bare',
				met: goal
			},
			...(['p50', 'p99'] as const).map((p) => ({
				id: 'P1',
				scenario: this.title,
				metric: `of which the write-through transaction, ${p}`,
				unit: 'ms',
				ours: both.ours?.persist[p] ?? null,
				bare: null,
				goal: '',
				met: null,
				note: 'bare: no persistence'
			}))
		];
	}
};
