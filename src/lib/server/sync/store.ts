import * as Y from 'yjs';
import type { Db } from '../db/open.ts';

export interface StoredUpdate {
	data: Uint8Array;
	userId: string | null;
}

export interface LoadedBoard {
	doc: Y.Doc;
	lastSeq: number;
	tailLength: number;
}

/**
 * Write-through storage of a board document: an append-only log of updates (board_update) and one
 * compacted snapshot (board_snapshot). A board is always snapshot + the updates after its seq.
 */
export class BoardStore {
	#db: Db;

	constructor(db: Db) {
		this.#db = db;
	}

	/** Appends updates with consecutive seqs after `lastSeq`, in one transaction. Returns the new last seq. */
	async append(boardId: string, lastSeq: number, updates: readonly StoredUpdate[]): Promise<number> {
		if (updates.length === 0) return lastSeq;
		const now = Date.now();
		const rows = updates.map((u, i) => ({
			board_id: boardId,
			seq: lastSeq + 1 + i,
			data: u.data,
			user_id: u.userId,
			created_at: now
		}));
		await this.#db.transaction().execute((trx) => trx.insertInto('board_update').values(rows).execute());
		return lastSeq + updates.length;
	}

	async load(boardId: string): Promise<LoadedBoard> {
		const doc = new Y.Doc({ gc: true });
		const snapshot = await this.#db
			.selectFrom('board_snapshot')
			.select(['seq', 'data'])
			.where('board_id', '=', boardId)
			.executeTakeFirst();
		if (snapshot) applyTolerant(doc, snapshot.data, boardId, 'snapshot');
		const tail = await this.#db
			.selectFrom('board_update')
			.select(['seq', 'data'])
			.where('board_id', '=', boardId)
			.where('seq', '>', snapshot?.seq ?? 0)
			.orderBy('seq')
			.execute();
		for (const row of tail) applyTolerant(doc, row.data, boardId, `update ${row.seq}`);
		const lastSeq = tail.at(-1)?.seq ?? snapshot?.seq ?? 0;
		return { doc, lastSeq, tailLength: tail.length };
	}

	/**
	 * Folds every update up to `uptoSeq` into the snapshot, in one transaction: a crash at any point
	 * leaves either the old snapshot + full tail or the new snapshot + shorter tail, which load the same.
	 */
	async compact(boardId: string, uptoSeq: number): Promise<void> {
		await this.#db.transaction().execute(async (trx) => {
			const snapshot = await trx
				.selectFrom('board_snapshot')
				.select(['seq', 'data'])
				.where('board_id', '=', boardId)
				.executeTakeFirst();
			const from = snapshot?.seq ?? 0;
			if (uptoSeq <= from) return;
			const updates = await trx
				.selectFrom('board_update')
				.select('data')
				.where('board_id', '=', boardId)
				.where('seq', '>', from)
				.where('seq', '<=', uptoSeq)
				.orderBy('seq')
				.execute();
			const doc = new Y.Doc({ gc: true });
			if (snapshot) applyTolerant(doc, snapshot.data, boardId, 'snapshot');
			for (const u of updates) applyTolerant(doc, u.data, boardId, 'update');
			const data = Y.encodeStateAsUpdate(doc);
			doc.destroy();
			await trx
				.insertInto('board_snapshot')
				.values({ board_id: boardId, seq: uptoSeq, data, created_at: Date.now() })
				.onConflict((oc) => oc.column('board_id').doUpdateSet({ seq: uptoSeq, data, created_at: Date.now() }))
				.execute();
			await trx.deleteFrom('board_update').where('board_id', '=', boardId).where('seq', '<=', uptoSeq).execute();
		});
	}
}

/** A stored update that cannot be applied is logged and skipped, so one bad row never locks a board. */
function applyTolerant(doc: Y.Doc, data: Uint8Array, boardId: string, what: string): void {
	try {
		Y.applyUpdate(doc, data);
	} catch (error) {
		console.error(`[sync] board ${boardId}: skipped unreadable ${what}: ${String(error)}`);
	}
}
