import { createColleague, createTestBoard } from '../factories/accounts.ts';
import { addCard, column, openBoard, titlesIn } from './board-helpers.ts';
import { expect, test } from './fixtures.ts';

test('a drag in one browser and a keyboard move in another show up live, and survive reload, restart and crash', async ({
	app,
	browser,
	member
}) => {
	const boardId = await createTestBoard(app.db, member, 'Temps réel');
	const a = await openBoard(browser, app, member, boardId);
	const b = await openBoard(browser, app, await createColleague(app.db, member, 'Bruno'), boardId);

	await addCard(a.page, 'Idées', 'Circuit court');
	await addCard(a.page, 'Idées', 'Gamme éphémère');
	await expect(titlesIn(b.page, 'Idées')).toHaveText(['Circuit court', 'Gamme éphémère']);

	// A drags with the mouse; B sees the card arrive without reloading.
	await a.page.getByRole('button', { name: 'Circuit court' }).dragTo(column(a.page, 'Revue'));
	const dropped = Date.now();
	await expect(titlesIn(b.page, 'Revue')).toHaveText(['Circuit court'], { timeout: 5000 });
	const latency = Date.now() - dropped;
	test.info().annotations.push({ type: 'move-latency-ms', description: String(latency) });
	console.log(`move seen by the other browser after ${latency} ms`);
	await expect(titlesIn(b.page, 'Idées')).toHaveText(['Gamme éphémère']);

	// B moves by keyboard only; A sees it.
	await b.page.getByRole('button', { name: 'Gamme éphémère' }).focus();
	for (const key of ['Space', 'ArrowRight', 'ArrowDown', 'Space']) await b.page.keyboard.press(key);
	await expect(titlesIn(a.page, 'Revue')).toHaveText(['Circuit court', 'Gamme éphémère']);

	// A reload, a graceful restart and a crash keep everything.
	await a.page.reload();
	await expect(titlesIn(a.page, 'Revue')).toHaveText(['Circuit court', 'Gamme éphémère']);
	await app.restart('graceful');
	await expect(b.page.getByRole('status')).toHaveText('Connecté', { timeout: 15_000 });
	await addCard(b.page, 'Idées', 'Après redémarrage');
	await expect(titlesIn(a.page, 'Idées')).toHaveText(['Après redémarrage'], { timeout: 15_000 });
	await app.restart('crash');
	const c = await openBoard(browser, app, member, boardId);
	await expect(titlesIn(c.page, 'Revue')).toHaveText(['Circuit court', 'Gamme éphémère']);
	await expect(titlesIn(c.page, 'Idées')).toHaveText(['Après redémarrage']);
	for (const x of [a, b, c]) await x.context.close();
});

test('edits made offline merge when the connection returns', async ({ app, browser, member }) => {
	const boardId = await createTestBoard(app.db, member, 'Hors ligne');
	const a = await openBoard(browser, app, member, boardId);
	const b = await openBoard(browser, app, await createColleague(app.db, member, 'Bea'), boardId);
	await b.context.setOffline(true);
	await expect(b.page.getByRole('status')).toHaveText('Hors ligne');
	await addCard(b.page, 'Idées', 'Écrit hors ligne');
	await addCard(a.page, 'Idées', 'Écrit en ligne');
	await b.context.setOffline(false);
	for (const page of [a.page, b.page]) {
		await expect(titlesIn(page, 'Idées')).toHaveCount(2, { timeout: 15_000 });
		await expect(column(page, 'Idées')).toContainText('Écrit hors ligne');
		await expect(column(page, 'Idées')).toContainText('Écrit en ligne');
	}
	// Both browsers converge on the same order.
	expect(await titlesIn(a.page, 'Idées').allInnerTexts()).toEqual(await titlesIn(b.page, 'Idées').allInnerTexts());
	await a.context.close();
	await b.context.close();
});
