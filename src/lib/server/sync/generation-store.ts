import * as Y from 'yjs';
import type { Db } from '../db/open.ts';
import { lockRow } from '../db/lock.ts';
import { lockHead } from './head.ts';

const DAY_MS = 86_400_000;

export interface NewGeneration {
	/** The generation that ends, and the last seq of its log (both must still be the head's). */
	generation: number;
	seq: number;
	/** The ended generation's whole document, kept for restore and for carrying clients' changes over. */
	ended: Uint8Array;
	/** The new generation's first snapshot: the same content without the history. */
	fresh: Uint8Array;
}

/**
 * Starts generation `generation + 1` of a board's document, in one transaction: the ended one is
 * archived, the fresh snapshot replaces snapshot and log, the head moves on (so appends for the old
 * generation fail from then on), and archives older than `keepDays` go. False, changing nothing,
 * when the head moved meanwhile (another process appended, or started a generation first).
 */
export async function startGeneration(
	db: Db,
	boardId: string,
	next: NewGeneration,
	keepDays: number
): Promise<boolean> {
	const now = Date.now();
	return db.transaction().execute(async (trx) => {
		const head = await lockHead(trx, boardId);
		if (head.generation !== next.generation || head.seq !== next.seq) return false;
		await trx
			.insertInto('board_generation')
			.values({ board_id: boardId, generation: next.generation, data: next.ended, ended_at: now })
			.execute();
		await trx
			.updateTable('board_head')
			.set({ generation: next.generation + 1 })
			.where('board_id', '=', boardId)
			.execute();
		const snapshot = { seq: next.seq, data: next.fresh, created_at: now };
		await trx
			.insertInto('board_snapshot')
			.values({ board_id: boardId, ...snapshot })
			.onConflict((oc) => oc.column('board_id').doUpdateSet(snapshot))
			.execute();
		await trx.deleteFrom('board_update').where('board_id', '=', boardId).where('seq', '<=', next.seq).execute();
		await trx
			.deleteFrom('board_generation')
			.where('board_id', '=', boardId)
			.where('ended_at', '<', now - keepDays * DAY_MS)
			.execute();
		return true;
	});
}

/** The archived row of an ended generation. */
function archived(db: Db, boardId: string, generation: number) {
	return db
		.selectFrom('board_generation')
		.select('data')
		.where('board_id', '=', boardId)
		.where('generation', '=', generation)
		.executeTakeFirst();
}

/** An ended generation's document, or null when it was never stored or is no longer kept. */
export async function readGeneration(db: Db, boardId: string, generation: number): Promise<Y.Doc | null> {
	const row = await archived(db, boardId, generation);
	if (!row) return null;
	const doc = new Y.Doc({ gc: true });
	Y.applyUpdate(doc, row.data);
	return doc;
}

/**
 * Merges what a client carried over from an ended generation into its archive: carrying the same
 * changes again (the client crashed before dropping its copy) then finds nothing new. The board's row
 * is locked first, so two processes carrying into one archive at once both keep theirs.
 */
export async function rememberCarried(db: Db, boardId: string, generation: number, update: Uint8Array): Promise<void> {
	await db.transaction().execute(async (trx) => {
		await lockRow(trx, 'board', boardId);
		const row = await archived(trx, boardId, generation);
		if (!row) return;
		await trx
			.updateTable('board_generation')
			.set({ data: Y.mergeUpdates([row.data, update]) })
			.where('board_id', '=', boardId)
			.where('generation', '=', generation)
			.execute();
	});
}

/** The ended generations still kept, newest first (for restore). */
export async function listGenerations(db: Db, boardId: string): Promise<{ generation: number; endedAt: number }[]> {
	const rows = await db
		.selectFrom('board_generation')
		.select(['generation', 'ended_at'])
		.where('board_id', '=', boardId)
		.orderBy('generation', 'desc')
		.execute();
	return rows.map((r) => ({ generation: Number(r.generation), endedAt: Number(r.ended_at) }));
}
