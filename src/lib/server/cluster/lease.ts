import { sql, type RawBuilder } from 'kysely';
import { isPostgres, type Db } from '../db/open.ts';

/** Thrown inside a side-effect transaction whose node no longer holds the lease: the transaction rolls back. */
export class LeaseLost extends Error {
	constructor(key: string) {
		super(`lease ${key} lost`);
		this.name = 'LeaseLost';
	}
}

/**
 * Who does the side effects of something several processes share: a board's projection (key
 * `board:{id}`), a periodic pass (`job:…`). At most one node holds a key; the lease's epoch grows at each
 * change of holder, and `guard` checks it inside the side-effect transaction itself, so a node that lost
 * the lease (paused, cut off) can no longer commit anything.
 */
export interface Leases {
	/** Takes the key when it is free, expired, or already ours; true when this node holds it now. */
	acquire(key: string): Promise<boolean>;
	/** Whether this node holds the key (no query: renewals keep it up to date). */
	holds(key: string): boolean;
	/** Throws LeaseLost unless this node's epoch is still the key's; call inside the side-effect transaction. */
	guard(trx: Db, key: string): Promise<void>;
	/** Lets the key go at once, for another node to take. */
	release(key: string): Promise<void>;
	/** Runs `listener` with each key this node lost (renewal failed or too late); returns the way to stop. */
	onLost(listener: (key: string) => void): () => void;
	/** Releases every key and stops renewing. */
	close(): Promise<void>;
}

/** The one-process default: this process holds everything, and nothing is asked of the database. */
export const soloLeases: Leases = {
	acquire: async () => true,
	holds: () => true,
	guard: async () => undefined,
	release: async () => undefined,
	onLost: () => () => undefined,
	close: async () => undefined
};

export function boardLeaseKey(boardId: string): string {
	return `board:${boardId}`;
}

export const LEASE_TTL_MS = 15_000;

/** Runs `run` once this node holds `key` (waiting for it), then lets the key go. */
export async function whileHolding<T>(leases: Leases, key: string, run: () => Promise<T>, pollMs = 250): Promise<T> {
	while (!(await leases.acquire(key))) await new Promise((resolve) => setTimeout(resolve, pollMs));
	try {
		return await run();
	} finally {
		await leases.release(key);
	}
}

interface Held {
	epoch: number;
	/** On this process's monotonic clock: past it, the lease may have expired in the database. */
	validUntil: number;
}

/**
 * Leases in the `board_lease` table. Times are the database's on PostgreSQL, so the processes' clocks do
 * not matter (SQLite is one machine: its processes share a clock). Each held key is renewed every
 * `renewMs`; a renewal that fails, or does not answer before the lease would expire, drops it at once.
 */
export class DbLeases implements Leases {
	#db: Db;
	#node: string;
	#ttlMs: number;
	#held = new Map<string, Held>();
	#lost = new Set<(key: string) => void>();
	#timer: ReturnType<typeof setInterval>;
	#renewing = false;

	constructor(db: Db, node: string, { ttlMs = LEASE_TTL_MS, renewMs }: { ttlMs?: number; renewMs?: number } = {}) {
		this.#db = db;
		this.#node = node;
		this.#ttlMs = ttlMs;
		this.#timer = setInterval(() => void this.#renewAll(), renewMs ?? ttlMs / 3);
		this.#timer.unref();
	}

	async acquire(key: string): Promise<boolean> {
		if (this.holds(key)) return true;
		const started = performance.now();
		const now = this.#now();
		const expiresAt = sql<number>`${now} + ${this.#ttlMs}`;
		// Taken when free, expired, or left by this node's earlier life (same name); a new epoch each time.
		const row = await this.#db
			.insertInto('board_lease')
			.values({ key, holder: this.#node, epoch: 1, expires_at: expiresAt })
			.onConflict((oc) =>
				oc
					.column('key')
					.doUpdateSet({ holder: this.#node, epoch: sql`board_lease.epoch + 1`, expires_at: expiresAt })
					.where((eb) => eb.or([eb('board_lease.expires_at', '<=', now), eb('board_lease.holder', '=', this.#node)]))
			)
			.returning('epoch')
			.executeTakeFirst();
		if (!row) return false;
		this.#held.set(key, { epoch: Number(row.epoch), validUntil: started + this.#ttlMs });
		return true;
	}

	holds(key: string): boolean {
		const held = this.#held.get(key);
		if (!held) return false;
		if (performance.now() < held.validUntil) return true;
		this.#drop(key);
		return false;
	}

	async guard(trx: Db, key: string): Promise<void> {
		const held = this.#held.get(key);
		if (!held || !this.holds(key)) throw new LeaseLost(key);
		let query = trx
			.selectFrom('board_lease')
			.select('epoch')
			.where('key', '=', key)
			.where('holder', '=', this.#node)
			.where('epoch', '=', held.epoch);
		// The row stays locked until the transaction ends: a takeover waits for it, so whatever this
		// transaction writes is committed before the new epoch. SQLite needs no lock: its writers take turns.
		if (isPostgres(trx)) query = query.forShare();
		if (!(await query.executeTakeFirst())) {
			this.#drop(key);
			throw new LeaseLost(key);
		}
	}

	async release(key: string): Promise<void> {
		const held = this.#held.get(key);
		if (!held) return;
		this.#held.delete(key);
		await this.#db
			.updateTable('board_lease')
			.set({ expires_at: 0 })
			.where('key', '=', key)
			.where('holder', '=', this.#node)
			.where('epoch', '=', held.epoch)
			.execute()
			.catch((e: unknown) => console.error(`[lease] release ${key}: ${String(e)}`));
	}

	onLost(listener: (key: string) => void): () => void {
		this.#lost.add(listener);
		return () => this.#lost.delete(listener);
	}

	async close(): Promise<void> {
		clearInterval(this.#timer);
		this.#lost.clear();
		await Promise.all([...this.#held.keys()].map((key) => this.release(key)));
	}

	async #renewAll(): Promise<void> {
		if (this.#renewing) return; // the last round has not answered yet: `holds` drops what runs out meanwhile
		this.#renewing = true;
		try {
			for (const key of [...this.#held.keys()]) if (this.holds(key)) await this.#renew(key);
		} finally {
			this.#renewing = false;
		}
	}

	async #renew(key: string): Promise<void> {
		const held = this.#held.get(key);
		if (!held) return;
		const started = performance.now();
		try {
			const result = await this.#db
				.updateTable('board_lease')
				.set({ expires_at: sql<number>`${this.#now()} + ${this.#ttlMs}` })
				.where('key', '=', key)
				.where('holder', '=', this.#node)
				.where('epoch', '=', held.epoch)
				.executeTakeFirst();
			if (Number(result.numUpdatedRows) === 0) return this.#drop(key);
			if (this.#held.get(key) === held) held.validUntil = started + this.#ttlMs;
		} catch (error) {
			console.error(`[lease] renewing ${key}: ${String(error)}`);
			this.#drop(key);
		}
	}

	/** Stops at once: from now on this node does nothing that the key guards. */
	#drop(key: string): void {
		if (!this.#held.delete(key)) return;
		for (const listener of this.#lost) {
			try {
				listener(key);
			} catch (error) {
				console.error(`[lease] lost ${key}: ${String(error)}`);
			}
		}
	}

	/** The database's clock in ms (PostgreSQL); SQLite's processes share one machine, hence one clock. */
	#now(): RawBuilder<number> {
		return isPostgres(this.#db)
			? sql<number>`(extract(epoch from clock_timestamp()) * 1000)::bigint`
			: sql<number>`${Date.now()}`;
	}
}
