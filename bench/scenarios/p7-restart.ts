import { buildBoard } from '../lib/boards.ts';
import { withClients } from '../lib/fleet.ts';
import type { Scenario } from '../lib/scenario.ts';
import { scaled } from '../lib/scenario.ts';
import { summarize } from '../lib/stats.ts';
import { startOurs } from '../lib/targets.ts';
import { openAll } from './p3-memory.ts';

/** Boards opening at a time after the restart (a herd of 1,000 would measure the queue, not a board). */
const OPENING = 4;

/**
 * Cold restart: boards that have lived (opened once, so their projection rows exist and they were
 * stored on shutdown), a graceful restart, then every board opened again: time to its first full sync.
 */
export const p7: Scenario = {
	id: 'P7',
	title: 'cold restart, persisted boards × 200 cards',
	async run(context) {
		const boards = scaled(context, 1000, 20);
		const ours = await startOurs(context.oursProcess);
		try {
			context.log(`building ${boards} boards…`);
			const boardIds = await ours.addBoards(Array.from({ length: boards }, () => buildBoard(200).update));
			await withClients('syncer', 2, async (clients) => {
				await openAll(ours, clients, boardIds);
				await Promise.all(clients.map((c) => c.request('close')));
			});
			context.log('restarting…');
			const stopping = Date.now();
			await ours.restart();
			context.log(`restarted in ${((Date.now() - stopping) / 1000).toFixed(1)} s`);
			const started = Date.now();
			const cold = await withClients('syncer', 2, (clients) => openAll(ours, clients, boardIds, OPENING / 2));
			const all = (Date.now() - started) / 1000;
			const s = summarize(cold.ms);
			const base = {
				id: 'P7',
				scenario: `${this.title}: ${boards} boards, ${OPENING} opening at a time`,
				unit: 'ms',
				bare: null
			};
			return [
				{
					...base,
					metric: 'first full sync per board p50',
					ours: s.p50,
					goal: '',
					met: null,
					note: 'bare: no persistence'
				},
				{ ...base, metric: 'first full sync per board p99', ours: s.p99, goal: '≤ 200 ms', met: s.p99 <= 200 },
				{ ...base, metric: 'first full sync max', ours: s.max, goal: '', met: null },
				{ ...base, metric: 'every board synced', unit: 's', ours: all, goal: '', met: null }
			];
		} finally {
			await ours.stop();
		}
	}
};
