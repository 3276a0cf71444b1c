import { customAlphabet } from 'nanoid';
import type { Db } from '../../src/lib/server/db/open.ts';
import { createColleague, createMember, createTestBoard, openTestDb } from '../factories/accounts.ts';
import { withAdmin } from '../factories/pg.ts';
import { startServer, type RunningServer } from '../factories/server.ts';
import { addCard, openBoard, titlesIn } from './board-helpers.ts';
import { expect, test, type App } from './fixtures.ts';

/**
 * Issue 16 as a user meets it: two processes on one PostgreSQL database and one Redis, a browser on
 * each, one board. `npm test` sets E2E_CLUSTER_PG_URL and E2E_CLUSTER_REDIS_URL when both answer.
 */
const PG_ADMIN = process.env.E2E_CLUSTER_PG_URL;
const REDIS_URL = process.env.E2E_CLUSTER_REDIS_URL;
const databaseName = `bt_e2e_${customAlphabet('abcdefghijklmnopqrstuvwxyz0123456789', 10)()}`;

test.describe('two server processes on PostgreSQL and Redis', () => {
	test.skip(!PG_ADMIN || !REDIS_URL, 'PostgreSQL or Redis unreachable (npm test says which)');

	let servers: RunningServer[] = [];
	let db: Db;

	test.beforeAll(async () => {
		const admin = PG_ADMIN ?? '';
		await withAdmin(admin, (client) => client.query(`CREATE DATABASE ${databaseName}`));
		const url = new URL(admin);
		url.pathname = `/${databaseName}`;
		// One after the other: the first runs the migrations.
		for (const node of ['a', 'b'])
			servers.push(await startServer({ dbPath: url.toString(), env: { REDIS_URL: REDIS_URL ?? '', NODE_ID: node } }));
		db = openTestDb(url.toString());
	});

	test.afterAll(async () => {
		await db?.destroy();
		await Promise.all(servers.map((s) => s.stop()));
		servers = [];
		if (PG_ADMIN)
			await withAdmin(PG_ADMIN, (client) => client.query(`DROP DATABASE IF EXISTS ${databaseName} WITH (FORCE)`));
	});

	test('a browser on each process edits one board live', async ({ browser }) => {
		const on = (i: number) => ({ server: servers[i] }) as App;
		const member = await createMember(db, 'Camille');
		const boardId = await createTestBoard(db, member, 'Deux processus');
		const a = await openBoard(browser, on(0), member, boardId);
		const b = await openBoard(browser, on(1), await createColleague(db, member, 'Bruno'), boardId);

		await addCard(a.page, 'Idées', 'Écrit sur le processus A');
		await expect(titlesIn(b.page, 'Idées')).toHaveText(['Écrit sur le processus A']);

		// B moves it by keyboard, through process B; A sees it arrive.
		await b.page.getByRole('button', { name: 'Écrit sur le processus A' }).focus();
		for (const key of ['Space', 'ArrowRight', 'Space']) await b.page.keyboard.press(key);
		await expect(titlesIn(a.page, 'Revue')).toHaveText(['Écrit sur le processus A']);
		await addCard(b.page, 'Idées', 'Écrit sur le processus B');
		await expect(titlesIn(a.page, 'Idées')).toHaveText(['Écrit sur le processus B']);

		// A fresh page on either process loads the same board from the database.
		await a.page.reload();
		await expect(titlesIn(a.page, 'Revue')).toHaveText(['Écrit sur le processus A']);
		await expect(titlesIn(a.page, 'Idées')).toHaveText(['Écrit sur le processus B']);
		for (const x of [a, b]) await x.context.close();
	});
});
