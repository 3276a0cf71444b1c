import { performance } from 'node:perf_hooks';
import * as Y from 'yjs';
import { createCard } from '../../src/lib/board/commands.ts';
import { readCards } from '../../src/lib/board/schema.ts';
import { currentGeneration } from '../../src/lib/server/sync/head.ts';
import { GENERATION_KEEP_DAYS } from '../../src/lib/server/sync/generations.ts';
import { BoardStore } from '../../src/lib/server/sync/store.ts';
import { PACE_PER_SECOND } from '../clients/pace.ts';
import { onBoth } from '../lib/both.ts';
import { buildBoard } from '../lib/boards.ts';
import type { Row, Scenario } from '../lib/scenario.ts';
import { scaled } from '../lib/scenario.ts';
import { sleep, summarize } from '../lib/stats.ts';
import type { Ours, Target } from '../lib/targets.ts';
import { runWrites } from '../lib/writes.ts';

const CARDS = 500;
const WINDOW = 64;
/** Writing sockets (people): each stays within the server's per-socket message budget, so the rate needs many. */
const WRITERS = 32;

interface Growth {
	perSecond: number;
	storedKb?: number;
	freshKb?: number;
	liveKb?: number;
	loadMs?: number;
	/** The board's generation at the end (board_head): how many times it was renewed during the run. */
	generations?: number;
	/** The ended generations' documents, kept GENERATION_KEEP_DAYS (not part of the board's snapshot + log). */
	endedKb?: number;
}

/** The same cards, made afresh: what a board with this content costs with no history. */
function freshSnapshot(doc: Y.Doc): Uint8Array {
	const fresh = new Y.Doc();
	fresh.transact(() => {
		for (const card of readCards(doc)) createCard(fresh, card, card.createdAt);
	});
	return Y.encodeStateAsUpdate(fresh);
}

/** The bytes a board's rows hold in `tables`. */
async function storedBytes(
	ours: Ours,
	boardId: string,
	tables: readonly ('board_update' | 'board_snapshot' | 'board_generation')[] = ['board_snapshot', 'board_update']
): Promise<number> {
	const sum = async (table: (typeof tables)[number]) =>
		Number(
			(
				await ours.db
					.selectFrom(table)
					.select((eb) => eb.fn.coalesce(eb.fn.sum<number>(eb.fn('length', ['data'])), eb.lit(0)).as('bytes'))
					.where('board_id', '=', boardId)
					.executeTakeFirstOrThrow()
			).bytes
		);
	let bytes = 0;
	for (const table of tables) bytes += await sum(table);
	return bytes;
}

const PEER_SECONDS = 30;

async function grow(target: Target, edits: number): Promise<Growth> {
	const content = buildBoard(CARDS);
	const boardId = await target.addBoard(content.update);
	const boards = [{ boardId, cardIds: content.cardIds }];
	// Hocuspocus with debounce 0 writes the whole document (with an fsync) per update: its rate is measured over PEER_SECONDS.
	const seconds = target.kind.startsWith('hocuspocus') ? PEER_SECONDS : 600;
	const writes = await runWrites(target, 1, {
		boards,
		window: WINDOW,
		perBoard: edits,
		seconds,
		mix: 'mixed',
		writers: WRITERS
	});
	const perSecond = writes.acked / writes.seconds;
	if (target.kind !== 'ours') return { perSecond };
	const ours = target as Ours;
	await sleep(500); // the last compaction, if one was started
	const storedKb = (await storedBytes(ours, boardId)) / 1024;
	const generations = await currentGeneration(ours.db, boardId);
	const endedKb = (await storedBytes(ours, boardId, ['board_generation'])) / 1024;
	const store = new BoardStore(ours.db);
	const times: number[] = [];
	let doc: Y.Doc | null = null;
	for (let i = 0; i < 5; i++) {
		doc?.destroy();
		const start = performance.now();
		doc = (await store.load(boardId)).doc;
		times.push(performance.now() - start);
	}
	if (!doc) throw new Error('no load');
	const freshKb = freshSnapshot(doc).length / 1024;
	const liveKb = Y.encodeStateAsUpdate(doc).length / 1024;
	return { perSecond, storedKb, freshKb, liveKb, loadMs: summarize(times).p50, generations, endedKb };
}

export const p8: Scenario = {
	id: 'P8',
	title: 'growth: moves and text edits on a 500-card board',
	async run(context) {
		const edits = scaled(context, 100_000, 2000);
		const r = await onBoth(context, (target) => grow(target, edits));
		const g = r.ours;
		const base = { id: 'P8', scenario: `${this.title}: ${edits} edits by ${WRITERS} writers, ${WINDOW} in flight` };
		const stored = g?.storedKb ?? null;
		const fresh = g?.freshKb ?? null;
		const ratio = stored !== null && fresh ? stored / fresh : null;
		const rows: Row[] = [
			{
				...base,
				metric: 'edits stored and broadcast',
				unit: '/s',
				note: `${WRITERS} writers paced under the per-socket budget: at most ${WRITERS * PACE_PER_SECOND}/s; Hocuspocus: over at most ${PEER_SECONDS} s`,
				ours: g?.perSecond ?? null,
				bare: r.bare?.perSecond ?? null,
				hocuspocus: r.hocuspocus?.perSecond ?? null,
				hocuspocus0: r.hocuspocus0?.perSecond ?? null,
				goal: '',
				met: null
			},
			{
				...base,
				metric: 'stored bytes (snapshot + log)',
				unit: 'KB',
				ours: stored,
				bare: null,
				goal: '',
				met: null,
				note: 'bare: no persistence'
			},
			{ ...base, metric: 'fresh snapshot of the same cards', unit: 'KB', ours: fresh, bare: null, goal: '', met: null },
			{
				...base,
				metric: 'new generations started (board_head.generation)',
				unit: '',
				ours: g?.generations ?? null,
				bare: null,
				goal: '',
				met: null,
				note: 'the writers follow them as the app does (carry-over, then reload)'
			},
			{
				...base,
				metric: 'ended generations kept',
				unit: 'KB',
				ours: g?.endedKb ?? null,
				bare: null,
				goal: '',
				met: null,
				note: `kept ${GENERATION_KEEP_DAYS} days for restore and offline clients; not in stored bytes`
			},
			{
				...base,
				metric: 'document state as loaded',
				unit: 'KB',
				ours: g?.liveKb ?? null,
				bare: null,
				goal: '',
				met: null
			},
			{
				...base,
				metric: 'stored / fresh snapshot',
				unit: '×',
				ours: ratio,
				bare: null,
				goal: '≤ 3',
				met: ratio === null ? null : ratio <= 3
			},
			{
				...base,
				metric: 'load (BoardStore.load, median of 5)',
				unit: 'ms',
				ours: g?.loadMs ?? null,
				bare: null,
				goal: '< 100 ms',
				met: g?.loadMs === undefined ? null : g.loadMs < 100
			}
		];
		return rows;
	}
};
