import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DbLeases, LeaseLost } from '../../src/lib/server/cluster/lease.ts';
import { migrateToLatest } from '../../src/lib/server/db/migrate.ts';
import type { Db } from '../../src/lib/server/db/open.ts';
import { openTestDb } from '../factories/accounts.ts';
import { until } from '../factories/portal.ts';
import { tempDatabase } from '../factories/server.ts';

// Two nodes' leases on one real database (SQLite here, PostgreSQL with PG_URL), each with its own connection.
const TTL_MS = 600;

let dbA: Db;
let dbB: Db;
const opened: DbLeases[] = [];

function leases(db: Db, node: string, renewMs = 200): DbLeases {
	const made = new DbLeases(db, node, { ttlMs: TTL_MS, renewMs });
	opened.push(made);
	return made;
}

const epochOf = async (key: string) =>
	(await dbA.selectFrom('board_lease').select('epoch').where('key', '=', key).executeTakeFirstOrThrow()).epoch;

/** A write the lease guards: it commits only while the node still holds the key. */
const guardedWrite = (db: Db, l: DbLeases, key: string) =>
	db.transaction().execute(async (trx) => {
		await l.guard(trx, key);
		await trx.updateTable('board_lease').set({ holder: 'x' }).where('key', '=', 'nothing').execute();
	});

beforeAll(async () => {
	const location = await tempDatabase();
	dbA = openTestDb(location);
	await migrateToLatest(dbA);
	dbB = openTestDb(location);
});

afterAll(async () => {
	for (const l of opened) await l.close();
	await dbA.destroy();
	await dbB.destroy();
});

describe('board leases', () => {
	it('are held by one node at a time, and renewed while held', async () => {
		const [a, b] = [leases(dbA, 'a'), leases(dbB, 'b')];
		expect(await a.acquire('board:one')).toBe(true);
		expect(await b.acquire('board:one')).toBe(false);
		expect(await b.acquire('board:two')).toBe(true);
		expect([a.holds('board:one'), b.holds('board:one'), a.holds('board:two')]).toEqual([true, false, false]);
		// Three lifetimes later the renewals still keep it.
		await new Promise((resolve) => setTimeout(resolve, TTL_MS * 3));
		expect(a.holds('board:one')).toBe(true);
		expect(await b.acquire('board:one')).toBe(false);
		await guardedWrite(dbA, a, 'board:one');
		await a.release('board:one');
		await b.release('board:two');
		expect(await b.acquire('board:one')).toBe(true);
	});

	it('go to another node with a new epoch when the holder stops renewing, and its writes are refused', async () => {
		const key = 'board:expiring';
		const lost: string[] = [];
		// Renews far too late: as a process would that is paused or cut off from the database.
		const stalled = leases(dbA, 'stalled', 60_000);
		stalled.onLost((k) => lost.push(k));
		const other = leases(dbB, 'other');
		expect(await stalled.acquire(key)).toBe(true);
		const first = await epochOf(key);
		await until(async () => other.acquire(key), 'the takeover', 5000);
		expect(await epochOf(key)).toBe(first + 1);
		expect(stalled.holds(key)).toBe(false);
		expect(lost).toEqual([key]);
		await expect(guardedWrite(dbA, stalled, key)).rejects.toBeInstanceOf(LeaseLost);
		await guardedWrite(dbB, other, key);
	});

	it('refuse a write once another node took the key, even before the old holder noticed', async () => {
		const key = 'board:fenced';
		const old = leases(dbA, 'old');
		expect(await old.acquire(key)).toBe(true);
		// The row is taken behind its back (as after an expiry it did not see).
		await dbB.updateTable('board_lease').set({ expires_at: 0 }).where('key', '=', key).execute();
		const next = leases(dbB, 'next');
		expect(await next.acquire(key)).toBe(true);
		expect(old.holds(key)).toBe(true);
		await expect(guardedWrite(dbA, old, key)).rejects.toBeInstanceOf(LeaseLost);
		expect(old.holds(key)).toBe(false);
	});

	it('drop the key at once when a renewal fails', async () => {
		const key = 'board:renewal-fails';
		const db = openTestDb(await tempDatabase());
		await migrateToLatest(db);
		const l = new DbLeases(db, 'fragile', { ttlMs: 10_000, renewMs: 100 });
		const lost: string[] = [];
		l.onLost((k) => lost.push(k));
		expect(await l.acquire(key)).toBe(true);
		await db.schema.dropTable('board_lease').execute();
		await until(async () => lost.length > 0, 'the loss', 3000);
		expect(l.holds(key)).toBe(false);
		await l.close();
		await db.destroy();
	});
});
