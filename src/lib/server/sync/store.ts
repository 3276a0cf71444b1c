import * as Y from 'yjs';
import { isPostgres, snapshotTransaction, type Db } from '../db/open.ts';
import { advanceHead, currentGeneration, GenerationEnded } from './head.ts';

const BACKOFF_MIN_MS = 100;
const BACKOFF_MAX_MS = 2000;

/** An append refused without trying: the database failed a moment ago. */
export class StorageBackingOff extends Error {
	constructor(waitMs: number) {
		super(`storage backing off for ${Math.ceil(waitMs)} ms after a failed write`);
	}
}

export interface StoredUpdate {
	data: Uint8Array;
	userId: string | null;
}

export interface LoadedBoard {
	doc: Y.Doc;
	lastSeq: number;
	tailLength: number;
	/** Which generation of the document this is (see generations.ts). */
	generation: number;
}

/**
 * Write-through storage of a board document: an append-only log of updates (board_update) and one
 * compacted snapshot (board_snapshot). A board is always snapshot + the updates after its seq.
 */
export class BoardStore {
	#db: Db;
	/** After a failed append, appends fail at once until then (ms, performance.now()), not against the lock. */
	#retryAt = 0;
	#backoffMs = 0;
	/** SQLite only: its lock waits block the event loop. PostgreSQL's waits are asynchronous. */
	#backsOff: boolean;

	constructor(db: Db) {
		this.#db = db;
		this.#backsOff = !isPostgres(db);
	}

	/**
	 * Appends updates with the board's next consecutive seqs, in one transaction, and returns the new last
	 * seq. The numbers come from the board's head row, locked until the commit: gap-free and in commit
	 * order even when several processes write one board; with one process they follow `lastSeq`, the
	 * caller's last one (also what an empty batch returns). Throws GenerationEnded, storing nothing,
	 * when the document is no longer at `generation`.
	 */
	async append(
		boardId: string,
		lastSeq: number,
		updates: readonly StoredUpdate[],
		generation?: number
	): Promise<number> {
		if (updates.length === 0) return lastSeq;
		if (performance.now() < this.#retryAt) throw new StorageBackingOff(this.#retryAt - performance.now());
		try {
			const next = await this.#append(boardId, updates, generation);
			this.#backoffMs = 0;
			return next;
		} catch (error) {
			if (!this.#backsOff || error instanceof GenerationEnded) throw error;
			// A locked or failing database: each attempt costs the event loop up to BUSY_TIMEOUT_MS, so
			// the next ones wait, doubling up to a cap; the first success resets it (automatic recovery).
			this.#backoffMs = Math.min(BACKOFF_MAX_MS, Math.max(BACKOFF_MIN_MS, this.#backoffMs * 2));
			this.#retryAt = performance.now() + this.#backoffMs;
			throw error;
		}
	}

	async #append(boardId: string, updates: readonly StoredUpdate[], generation?: number): Promise<number> {
		const now = Date.now();
		return this.#db.transaction().execute(async (trx) => {
			const last = await advanceHead(trx, boardId, updates.length, generation);
			const rows = updates.map((u, i) => ({
				board_id: boardId,
				seq: last - updates.length + 1 + i,
				data: u.data,
				user_id: u.userId,
				created_at: now
			}));
			await trx.insertInto('board_update').values(rows).execute();
			return last;
		});
	}

	async load(boardId: string): Promise<LoadedBoard> {
		const { snapshot, tail, generation } = await this.#read(boardId);
		const doc = rebuild(boardId, snapshot, tail);
		const lastSeq = tail.at(-1)?.seq ?? snapshot?.seq ?? 0;
		return { doc, lastSeq, tailLength: tail.length, generation };
	}

	/**
	 * Folds every update up to `uptoSeq` into the snapshot. The write is one transaction (a crash at any
	 * point leaves either the old snapshot + full tail or the new snapshot + shorter tail, which load the
	 * same) and only moves the snapshot forward: if another compaction stored a later one meanwhile, it
	 * already holds these updates, and only their deletion is left to do. Resolves with the size of the
	 * snapshot written (null: there was nothing to fold).
	 */
	async compact(boardId: string, uptoSeq: number): Promise<number | null> {
		const { snapshot, tail } = await this.#read(boardId, uptoSeq);
		if (uptoSeq <= (snapshot?.seq ?? 0)) return null;
		const doc = rebuild(boardId, snapshot, tail);
		const data = Y.encodeStateAsUpdate(doc);
		doc.destroy();
		const row = { seq: uptoSeq, data, created_at: Date.now() };
		await this.#db.transaction().execute(async (trx) => {
			await trx
				.insertInto('board_snapshot')
				.values({ board_id: boardId, ...row })
				.onConflict((oc) => oc.column('board_id').doUpdateSet(row).where('board_snapshot.seq', '<', uptoSeq))
				.execute();
			await trx.deleteFrom('board_update').where('board_id', '=', boardId).where('seq', '<=', uptoSeq).execute();
		});
		return data.length;
	}

	/**
	 * The snapshot and the updates after it (up to `uptoSeq`), both read from one snapshot of the
	 * database: a compaction committed between the two reads would otherwise delete updates the first
	 * read did not fold in.
	 */
	#read(boardId: string, uptoSeq?: number) {
		return snapshotTransaction(this.#db).execute(async (trx) => {
			const snapshot = await trx
				.selectFrom('board_snapshot')
				.select(['seq', 'data'])
				.where('board_id', '=', boardId)
				.executeTakeFirst();
			const tail = await trx
				.selectFrom('board_update')
				.select(['seq', 'data'])
				.where('board_id', '=', boardId)
				.where('seq', '>', snapshot?.seq ?? 0)
				.$if(uptoSeq !== undefined, (q) => q.where('seq', '<=', uptoSeq ?? 0))
				.orderBy('seq')
				.execute();
			return { snapshot, tail, generation: await currentGeneration(trx, boardId) };
		});
	}
}

type StoredRow = { seq: number; data: Uint8Array };

function rebuild(boardId: string, snapshot: StoredRow | undefined, tail: readonly StoredRow[]): Y.Doc {
	const doc = new Y.Doc({ gc: true });
	if (snapshot) applyTolerant(doc, snapshot.data, boardId, 'snapshot');
	for (const row of tail) applyTolerant(doc, row.data, boardId, `update ${row.seq}`);
	return doc;
}

/** A stored update that cannot be applied is logged and skipped, so one bad row never locks a board. */
function applyTolerant(doc: Y.Doc, data: Uint8Array, boardId: string, what: string): void {
	try {
		Y.applyUpdate(doc, data);
	} catch (error) {
		console.error(`[sync] board ${boardId}: skipped unreadable ${what}: ${String(error)}`);
	}
}
