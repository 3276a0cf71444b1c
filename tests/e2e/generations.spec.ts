import type { Db } from '../../src/lib/server/db/open.ts';
import { getCard } from '../../src/lib/board/schema.ts';
import { createColleague, createMember, createTestBoard, openTestDb } from '../factories/accounts.ts';
import { startServer, type RunningServer } from '../factories/server.ts';
import { GenerationClient } from '../factories/yclient.ts';
import { addCard, openBoard, titlesIn } from './board-helpers.ts';
import { expect, test, type App } from './fixtures.ts';

/**
 * Issue 19 (long-lived boards) as a user meets it: the board starts a new generation while one
 * browser is offline with changes; both browsers end up on the new one with every change, once.
 * This server compacts every few updates and renews any board whose history outweighs its content.
 */
test.describe('a new generation of the board document', () => {
	let server: RunningServer;
	let db: Db;

	test.beforeAll(async () => {
		server = await startServer({ env: { COMPACT_EVERY: '10', RENEW_MIN_BYTES: '1' } });
		db = openTestDb(server.dbPath);
	});

	test.afterAll(async () => {
		await db?.destroy();
		await server?.stop();
	});

	const generationOf = async (boardId: string) =>
		Number(
			(await db.selectFrom('board_head').select('generation').where('board_id', '=', boardId).executeTakeFirst())
				?.generation ?? 0
		);

	test('an offline browser keeps its moves and cards across it, and both browsers follow', async ({ browser }) => {
		const app = { server } as App;
		const member = await createMember(db, 'Camille');
		const boardId = await createTestBoard(db, member, 'Longue vie');
		const online = await openBoard(browser, app, member, boardId);
		const odile = await createColleague(db, member, 'Odile');
		const offline = await openBoard(browser, app, odile, boardId);
		await addCard(online.page, 'Idées', 'Pilote magasin');
		await addCard(online.page, 'Idées', 'Carte très travaillée');
		await expect(titlesIn(offline.page, 'Idées')).toHaveText(['Pilote magasin', 'Carte très travaillée']);

		await offline.context.setOffline(true);
		await offline.page.getByRole('button', { name: 'Pilote magasin' }).focus();
		for (const key of ['Space', 'ArrowRight', 'Space']) await offline.page.keyboard.press(key);
		await expect(titlesIn(offline.page, 'Revue')).toHaveText(['Pilote magasin']);
		await addCard(offline.page, 'Idées', 'Idée hors ligne');

		// Meanwhile someone works a card over and over, until the board starts generation 1.
		const worker = new GenerationClient(server.url, boardId, member.cookie, { generation: 0 });
		try {
			for (let i = 0; (await generationOf(boardId)) < 1; i++) {
				expect(i, 'a new generation').toBeLessThan(300);
				const card = [...worker.doc.getMap('cards').keys()].find(
					(id) => getCard(worker.doc, id)?.get('title') === 'Carte très travaillée'
				);
				if (card)
					worker.doc.transact(() => {
						for (let j = 0; j < 10; j++) getCard(worker.doc, card)?.set(j % 2 ? 'rank' : 'why', `a${i}${j}`);
					});
				await new Promise((r) => setTimeout(r, 40));
			}
		} finally {
			worker.destroy();
		}
		// The online browser follows at once, and still shows the board.
		await expect(online.page.getByRole('status')).toHaveText('Connecté');
		await expect(titlesIn(online.page, 'Idées')).toHaveText(['Pilote magasin', 'Carte très travaillée']);

		await offline.context.setOffline(false);
		await expect(titlesIn(online.page, 'Revue')).toHaveText(['Pilote magasin']);
		await expect(titlesIn(online.page, 'Idées')).toHaveText(['Carte très travaillée', 'Idée hors ligne']);
		await expect(offline.page.getByRole('status')).toHaveText('Connecté');
		await expect(titlesIn(offline.page, 'Idées')).toHaveText(['Carte très travaillée', 'Idée hors ligne']);
		await expect(titlesIn(offline.page, 'Revue')).toHaveText(['Pilote magasin']);
		expect(server.log()).toContain(`carried changes of ${odile.userId} over from generation 0`);

		// Both go on editing the new generation together; a reload finds it stored.
		await addCard(offline.page, 'Idées', 'Après la nouvelle génération');
		await expect(titlesIn(online.page, 'Idées')).toContainText(['Après la nouvelle génération']);
		await online.page.reload();
		await expect(titlesIn(online.page, 'Idées')).toHaveText([
			'Carte très travaillée',
			'Idée hors ligne',
			'Après la nouvelle génération'
		]);
		expect(await generationOf(boardId)).toBe(1);
		await Promise.all([online.context.close(), offline.context.close()]);
	});
});
