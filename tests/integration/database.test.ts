import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateToLatest } from '../../src/lib/server/db/migrate.ts';
import { openDatabase, type Db } from '../../src/lib/server/db/open.ts';
import { createAccountWithOrganization } from '../../src/lib/server/services/accounts.ts';
import { changeRole } from '../../src/lib/server/services/people.ts';
import { startStandup } from '../../src/lib/server/services/standups.ts';
import { BoardStore } from '../../src/lib/server/sync/store.ts';
import { createColleague, createMember, createTestBoard } from '../factories/accounts.ts';
import { databaseUrlOf, onPostgres } from '../factories/pg.ts';
import { tempDatabase } from '../factories/server.ts';

// The data layer on the dialect of this run: SQLite by default, PostgreSQL under PG_URL (npm test runs
// both). Several connections at once, as several requests (or processes) of a deployment would be.

let url: string;
let db: Db;

beforeAll(async () => {
	url = databaseUrlOf(await tempDatabase());
	db = openDatabase(url, 5000);
	await migrateToLatest(db);
});

afterAll(() => db.destroy());

describe('the data layer', () => {
	it('stores binary updates and reads back bytes, and epoch milliseconds as numbers', async () => {
		const owner = await createMember(db, 'Octave');
		const boardId = await createTestBoard(db, owner);
		const at = Date.UTC(2031, 0, 1); // far past 2^31
		const data = new Uint8Array([0, 1, 254, 255]);
		await db
			.insertInto('board_update')
			.values({ board_id: boardId, seq: 1, data, user_id: null, created_at: at })
			.execute();
		const row = await db
			.selectFrom('board_update')
			.selectAll()
			.where('board_id', '=', boardId)
			.executeTakeFirstOrThrow();
		expect(row.data).toBeInstanceOf(Uint8Array);
		expect([...row.data]).toEqual([...data]);
		expect(row.created_at).toBe(at);
		expect(row.seq).toBe(1);
		const counted = await db
			.selectFrom('board_update')
			.select((eb) => eb.fn.countAll<number>().as('n'))
			.executeTakeFirstOrThrow();
		expect(counted.n).toBe(1);
	});

	it('lets two owners demoting each other at once leave the organisation one owner', async () => {
		for (let round = 0; round < 5; round++) {
			const first = await createMember(db, 'Prune');
			const second = await createColleague(db, first, 'Quentin', 'owner');
			const demote = (actorId: string, targetId: string) =>
				changeRole(db, { organizationId: first.organizationId, actorId, targetId, role: 'member', company: null });
			const outcomes = await Promise.all([demote(first.userId, second.userId), demote(second.userId, first.userId)]);
			expect(outcomes.filter((o) => o === 'ok')).toHaveLength(1);
			const roles = await db
				.selectFrom('membership')
				.select('role')
				.where('organization_id', '=', first.organizationId);
			expect((await roles.execute()).filter((m) => m.role === 'owner')).toHaveLength(1);
		}
	});

	it('hands out gap-free sequence numbers, in commit order, to writers appending to one board at once', async () => {
		const owner = await createMember(db, 'Sacha');
		const boardId = await createTestBoard(db, owner);
		const batch = (i: number) => [0, 1].map((j) => ({ data: new Uint8Array([i, j]), userId: null }));
		// Every writer thinks the board is empty, as a process would that did not hear of the others yet.
		const lasts = await Promise.all([0, 1, 2, 3, 4, 5].map((i) => new BoardStore(db).append(boardId, 0, batch(i))));
		const rows = await db
			.selectFrom('board_update')
			.select(['seq', 'data'])
			.where('board_id', '=', boardId)
			.orderBy('seq')
			.execute();
		expect(rows.map((r) => r.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
		expect([...lasts].sort((a, b) => a - b)).toEqual([2, 4, 6, 8, 10, 12]);
		for (const last of lasts) expect(rows[last - 2]?.data[0]).toBe(rows[last - 1]?.data[0]); // a batch stays together
	});

	it('gives an e-mail to one of several sign-ups at once, the others told it is taken', async () => {
		const email = `twice-${Date.now()}@example.test`;
		const signUp = (organization: string) =>
			createAccountWithOrganization(db, { name: 'Tess', email, password: 'correct horse battery', organization });
		const accounts = await Promise.all(['A', 'B', 'C'].map(signUp));
		expect(accounts.filter((a) => a !== null)).toHaveLength(1);
	});

	it('starts one stand-up per board however many start it at once', async () => {
		const owner = await createMember(db, 'Romane');
		const boardId = await createTestBoard(db, owner);
		const start = () =>
			startStandup(db, { boardId, facilitatorId: owner.userId, locale: 'fr', timeBox: 90, agenda: null });
		const started = await Promise.all([start(), start(), start(), start()]);
		expect(new Set(started.map((s) => s.id)).size).toBe(1);
	});
});

describe.skipIf(!onPostgres)('on PostgreSQL', () => {
	it('ran the frozen migrations with bytea for binary data and bigint for times', async () => {
		const { rows } = await sql<{ table_name: string; column_name: string; data_type: string }>`
			SELECT table_name, column_name, data_type FROM information_schema.columns
			WHERE table_schema = 'public' AND column_name IN ('data', 'created_at', 'seq')
				AND table_name IN ('board_update', 'board_snapshot', 'feed_update', 'feed_snapshot')`.execute(db);
		expect(rows).toHaveLength(12);
		for (const row of rows) expect(row.data_type).toBe(row.column_name === 'data' ? 'bytea' : 'bigint');
	});

	it('lets several processes migrate a new database at once', async () => {
		const fresh = databaseUrlOf(await tempDatabase());
		const others = [openDatabase(fresh), openDatabase(fresh), openDatabase(fresh)];
		try {
			await Promise.all(others.map((other) => migrateToLatest(other)));
		} finally {
			await Promise.all(others.map((other) => other.destroy()));
		}
	});
});
