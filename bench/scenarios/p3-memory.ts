import { onBoth, rowsOf } from '../lib/both.ts';
import { buildBoard } from '../lib/boards.ts';
import { withClients, type ClientProcess } from '../lib/fleet.ts';
import type { Scenario } from '../lib/scenario.ts';
import { scaled } from '../lib/scenario.ts';
import { sleep } from '../lib/stats.ts';
import type { Target } from '../lib/targets.ts';

const PROCESSES = 2;
const CONCURRENCY = 10;

interface Memory {
	beforeMb: number;
	loadedMb: number;
	afterMb: number;
	heapBeforeMb: number;
	heapLoadedMb: number;
	heapAfterMb: number;
	gcRssMb: number;
	gcHeapMb: number;
	perBoardKb: number;
	encodedKb: number;
}

/** Opens every board once (split over the client processes); returns per-board sync times and sizes. */
export async function openAll(target: Target, clients: ClientProcess[], boardIds: string[], concurrency = CONCURRENCY) {
	const parts = await Promise.all(
		clients.map((c, i) =>
			c.request<{ ms: number[]; bytes: number[] }>('open', {
				endpoint: target.endpoint,
				boardIds: boardIds.filter((_, k) => k % clients.length === i),
				concurrency
			})
		)
	);
	return { ms: parts.flatMap((p) => p.ms), bytes: parts.flatMap((p) => p.bytes) };
}

async function memory(target: Target, contents: Uint8Array[], waitSeconds: number): Promise<Memory> {
	await sleep(1000);
	const before = await target.stats.memory();
	const boardIds = await target.addBoards(contents);
	return withClients('syncer', PROCESSES, async (clients) => {
		await openAll(target, clients, boardIds);
		await sleep(2000); // the last loads settle (projection, compaction)
		const loaded = await target.stats.memory();
		await Promise.all(clients.map((c) => c.request('close')));
		await sleep(waitSeconds * 1000);
		const after = await target.stats.memory();
		const gc = await target.stats.memoryAfterGc();
		const encoded = contents.reduce((sum, c) => sum + c.length, 0) / contents.length;
		return {
			beforeMb: before.rssMb,
			loadedMb: loaded.rssMb,
			afterMb: after.rssMb,
			heapBeforeMb: before.heapMb,
			heapLoadedMb: loaded.heapMb,
			heapAfterMb: after.heapMb,
			gcRssMb: gc.rssMb,
			gcHeapMb: gc.heapMb,
			perBoardKb: ((loaded.rssMb - before.rssMb) * 1024) / contents.length,
			encodedKb: encoded / 1024
		};
	});
}

export const p3: Scenario = {
	id: 'P3',
	title: 'memory, boards × 200 cards, one client each, then all leave',
	async run(context) {
		const boards = scaled(context, 1000, 20);
		// Not scaled: a room unloads 30 s after its last peer left (sync/hub.ts), then its memory is reclaimed.
		const waitSeconds = 60;
		context.log(`building ${boards} boards…`);
		const contents = Array.from({ length: boards }, () => buildBoard(200).update);
		const r = await onBoth(context, (target) => memory(target, contents, waitSeconds));
		const title = `memory, ${boards} boards × 200 cards, one client each, then all leave`;
		const row = rowsOf('P3', title, r);
		const perBoard = row('RSS per loaded board / its encoded size', '×', (m) => m.perBoardKb / m.encodedKb);
		perBoard.goal = '≤ 20';
		perBoard.met = perBoard.ours === null ? null : perBoard.ours <= 20;
		const after = row(`RSS ${waitSeconds} s after the last left / before`, '×', (m) => m.afterMb / m.beforeMb);
		after.goal = '≤ 1.5';
		after.met = after.ours === null ? null : after.ours <= 1.5;
		return [
			row('RSS before', 'MB', (m) => m.beforeMb),
			row('RSS loaded', 'MB', (m) => m.loadedMb),
			row('RSS per loaded board', 'KB', (m) => m.perBoardKb),
			row('encoded board', 'KB', (m) => m.encodedKb),
			perBoard,
			row(`RSS ${waitSeconds} s after`, 'MB', (m) => m.afterMb),
			after,
			row('V8 heap in use: before', 'MB', (m) => m.heapBeforeMb),
			row('heap loaded', 'MB', (m) => m.heapLoadedMb),
			row(`heap ${waitSeconds} s after`, 'MB', (m) => m.heapAfterMb),
			row('then, after a forced full GC: RSS / before', '×', (m) => m.gcRssMb / m.beforeMb),
			row('heap after the forced GC', 'MB', (m) => m.gcHeapMb)
		];
	}
};
