import type { Db } from '../../src/lib/server/db/open.ts';
import { getCard } from '../../src/lib/board/schema.ts';
import { currentGeneration } from '../../src/lib/server/sync/head.ts';
import { createColleague, createMember, createTestBoard, openTestDb, type Member } from '../factories/accounts.ts';
import { startServer, type RunningServer } from '../factories/server.ts';
import { GenerationClient, workCardOver, workUntilGeneration } from '../factories/yclient.ts';
import { addCard, openBoard, titlesIn } from './board-helpers.ts';
import type { Page } from '@playwright/test';
import { expect, gotoReady, test, type App } from './fixtures.ts';

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

	const generationOf = (boardId: string) => currentGeneration(db, boardId);

	/** Resolves once the page's board connects to generation `generation` (its session was made anew). */
	const onGeneration = (page: Page, generation: number) =>
		page.waitForEvent('websocket', { predicate: (ws) => ws.url().endsWith(`?gen=${generation}`), timeout: 30_000 });

	/** A client edits the card titled `title` over and over (two fields in turn) until the board's generation moves on. */
	async function workUntilNewGeneration(boardId: string, member: Member, title: string) {
		const start = await generationOf(boardId);
		const worker = new GenerationClient(server.url, boardId, member.cookie, { generation: start });
		const doc = () => worker.doc;
		const cardId = () => [...doc().getMap('cards').keys()].find((id) => getCard(doc(), id)?.get('title') === title);
		try {
			await workUntilGeneration(
				() => generationOf(boardId),
				start + 1,
				(round) => {
					const id = cardId();
					if (id) workCardOver(doc(), id, round);
				}
			);
		} finally {
			worker.destroy();
		}
	}

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
		await workUntilNewGeneration(boardId, member, 'Carte très travaillée');
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

	test('a manager restores an earlier version, and the open boards show it at once', async ({ browser }) => {
		const app = { server } as App;
		const member = await createMember(db, 'Camille');
		const boardId = await createTestBoard(db, member, 'Retour arrière');
		const manager = await openBoard(browser, app, member, boardId);
		const watcher = await openBoard(browser, app, await createColleague(db, member, 'Odile'), boardId);
		await addCard(manager.page, 'Idées', 'Version d’origine');
		const followed = onGeneration(manager.page, 1);
		await workUntilNewGeneration(boardId, member, 'Version d’origine');
		await followed;
		await expect(manager.page.getByRole('status')).toHaveText('Connecté');

		await manager.page.getByRole('button', { name: 'Version d’origine' }).focus();
		for (const key of ['Space', 'ArrowRight', 'Space']) await manager.page.keyboard.press(key);
		await addCard(manager.page, 'Idées', 'Ajout récent');
		await expect(titlesIn(watcher.page, 'Revue')).toHaveText(['Version d’origine']);

		await gotoReady(manager.page, `/b/${boardId}/transfer`);
		const versions = manager.page.getByRole('region', { name: 'Versions antérieures' });
		await versions.getByRole('button', { name: 'Restaurer cette version' }).click();
		await expect(versions.getByRole('status')).toHaveText(
			'Version restaurée : les tableaux ouverts l’affichent maintenant.'
		);
		await expect(titlesIn(watcher.page, 'Idées')).toHaveText(['Version d’origine']);
		await expect(titlesIn(watcher.page, 'Revue')).toHaveCount(0);
		// The content it replaced is an earlier version too: restoring it brings the recent work back.
		await expect(versions.getByRole('button', { name: 'Restaurer cette version' })).toHaveCount(2);
		await versions.getByRole('button', { name: 'Restaurer cette version' }).first().click();
		await expect(titlesIn(watcher.page, 'Idées')).toHaveText(['Ajout récent']);
		await expect(titlesIn(watcher.page, 'Revue')).toHaveText(['Version d’origine']);
		await Promise.all([manager.context.close(), watcher.context.close()]);
	});
});
