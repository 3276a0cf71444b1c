import { sql } from 'kysely';
import type { Db } from '../../src/lib/server/db/open.ts';
import { sleep } from './stats.ts';

/**
 * Reads a board's lease (the `board_lease` row keyed `board:{id}`: holder, epoch, expires_at), the one
 * process allowed the board's side effects. Works on a database without the table: `open` says so.
 */
export interface Lease {
	holder: string;
	epoch: number;
}

export class LeaseWatch {
	readonly #db: Db;
	readonly #key: string;

	private constructor(db: Db, boardId: string) {
		this.#db = db;
		this.#key = `board:${boardId}`;
	}

	/** A watch on the board's lease, or null when the database has no lease table. */
	static async open(db: Db, boardId: string): Promise<LeaseWatch | null> {
		const { rows } = await sql<{ table: string | null }>`SELECT to_regclass('board_lease')::text AS table`.execute(db);
		return rows[0]?.table ? new LeaseWatch(db, boardId) : null;
	}

	/** The row as it is (expired or not: a dead holder's row stays until another takes it over). */
	async current(): Promise<Lease | null> {
		const { rows } = await sql<{ holder: string; epoch: string | number }>`
			SELECT holder, epoch FROM board_lease WHERE key = ${this.#key}`.execute(this.#db);
		const row = rows[0];
		return row ? { holder: row.holder, epoch: Number(row.epoch) } : null;
	}

	/** The first lease `accept` accepts, polled every `everyMs`; null after `timeoutMs`. */
	async until(accept: (lease: Lease) => boolean, timeoutMs: number, everyMs = 100): Promise<Lease | null> {
		const deadline = Date.now() + timeoutMs;
		while (Date.now() < deadline) {
			const lease = await this.current();
			if (lease && accept(lease)) return lease;
			await sleep(everyMs);
		}
		return null;
	}
}
