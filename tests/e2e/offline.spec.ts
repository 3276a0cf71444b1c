import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from '@playwright/test';
import { createColleague, createTestBoard, type Member } from '../factories/accounts.ts';
import { addCard, column, openBoard, titlesIn } from './board-helpers.ts';
import { addCheckIn } from './card-helpers-b.ts';
import { closeCard, moveRightByKeyboard, openCard } from './card-helpers.ts';
import { expect, gotoReady, test, type App } from './fixtures.ts';

const OFFLINE_MS = 60_000;

/** A browser with a profile on disk, as a person's own: IndexedDB survives closing it. */
async function ownBrowser(app: App, who: Member, profile: string): Promise<BrowserContext> {
	const launch = test.info().project.use.launchOptions ?? {};
	const context = await chromium.launchPersistentContext(profile, {
		...launch,
		baseURL: app.server.url,
		locale: 'fr-FR'
	});
	const { hostname } = new URL(app.server.url);
	await context.addCookies([
		{ name: 'session', value: who.token, domain: hostname, path: '/', httpOnly: true, sameSite: 'Lax' }
	]);
	return context;
}

test('a minute offline loses nothing: edits survive closing the browser and reach the others once, after reconnecting', async ({
	app,
	browser,
	member
}) => {
	test.setTimeout(4 * 60_000);
	const boardId = await createTestBoard(app.db, member, 'Hors ligne longtemps');
	const other = await openBoard(browser, app, await createColleague(app.db, member, 'Odile'), boardId);
	const profile = await mkdtemp(join(tmpdir(), 'bouture-offline-'));
	try {
		let context = await ownBrowser(app, member, profile);
		let page = context.pages()[0] ?? (await context.newPage());
		await gotoReady(page, `/b/${boardId}`);
		const status = page.getByRole('status').first();
		await expect(status).toHaveText('Connecté');
		for (const title of ['Vente en vrac', 'Tournée du samedi', 'Carte fidélité']) await addCard(page, 'Idées', title);
		const dialog = await openCard(page, 'Carte fidélité');

		await context.setOffline(true);
		const offlineSince = Date.now();
		await expect(status).toHaveText('Hors ligne');
		await dialog.getByRole('textbox', { name: 'Description' }).pressSequentially('Écrit sans réseau');
		await addCheckIn(page, 17, 'En bonne voie');
		await closeCard(page, 'Carte fidélité');
		await moveRightByKeyboard(page, 'Vente en vrac');
		await moveRightByKeyboard(page, 'Tournée du samedi');
		await expect(titlesIn(page, 'Revue')).toHaveText(['Tournée du samedi', 'Vente en vrac']);
		await expect(status).toHaveText(/^Hors ligne · \d+ modifications non envoyées$/);

		// A minute without network (the header's unread poll fails several times meanwhile): still the board.
		await page.waitForTimeout(Math.max(0, OFFLINE_MS - (Date.now() - offlineSince)));
		await expect(page).toHaveURL(new RegExp(`/b/${boardId}$`));
		await expect(titlesIn(page, 'Revue')).toHaveText(['Tournée du samedi', 'Vente en vrac']);
		await expect(status).toHaveText(/^Hors ligne · \d+ modifications non envoyées$/);
		await expect(titlesIn(other.page, 'Revue')).toHaveCount(0); // nothing reached the server

		// The browser is closed while still offline, then opened again on a working network.
		await context.close();
		context = await ownBrowser(app, member, profile);
		page = context.pages()[0] ?? (await context.newPage());
		const reconnected = Date.now();
		await gotoReady(page, `/b/${boardId}`);
		await expect(page.getByRole('status').first()).toHaveText('Connecté');
		await expect(titlesIn(page, 'Revue')).toHaveText(['Tournée du samedi', 'Vente en vrac']);

		// The other person sees every edit, once.
		await expect(titlesIn(other.page, 'Revue')).toHaveText(['Tournée du samedi', 'Vente en vrac']);
		console.log(`offline edits seen by the other browser ${Date.now() - reconnected} ms after reopening`);
		await expect(titlesIn(other.page, 'Idées')).toHaveText(['Carte fidélité']);
		const seen = await openCard(other.page, 'Carte fidélité');
		await expect(seen.getByRole('textbox', { name: 'Description' })).toHaveValue('Écrit sans réseau');
		const history = seen.getByRole('region', { name: 'Historique' }).getByRole('listitem');
		await expect(history.filter({ hasText: /a relevé 17 \(En bonne voie\)/ })).toHaveCount(1);
		await expect(column(other.page, 'Revue').getByTestId('card-title')).toHaveCount(2);
		await context.close();
	} finally {
		await other.context.close();
		await rm(profile, { recursive: true, force: true });
	}
});

test('a comment typed offline is kept, with a plain word that it needs the network, and sent once back online', async ({
	app,
	browser,
	member
}) => {
	const boardId = await createTestBoard(app.db, member, 'Commentaires hors ligne');
	const { context, page } = await openBoard(browser, app, member, boardId);
	await addCard(page, 'Idées', 'Panier du marché');
	const dialog = await openCard(page, 'Panier du marché');
	const thread = dialog.getByRole('region', { name: /Commentaires/ });
	const field = thread.getByRole('textbox', { name: 'Votre commentaire' });

	await context.setOffline(true);
	await field.fill('Vu au marché samedi');
	await thread.getByRole('button', { name: 'Commenter' }).click();
	await expect(thread.getByRole('alert')).toHaveText(/Vous êtes hors ligne : cette action a besoin du réseau/);
	await expect(field).toHaveValue('Vu au marché samedi');
	await expect(page).toHaveURL(/\/c\//); // still the card, not an error page

	await context.setOffline(false);
	await thread.getByRole('button', { name: 'Commenter' }).click();
	await expect(thread.getByRole('article', { name: 'Commentaire de Camille' })).toContainText('Vu au marché samedi');
	await expect(field).toHaveValue('');
	await context.close();
});

test('reloaded offline, a board opened once opens from the copies in this browser, takes edits and sends them once back online', async ({
	app,
	browser,
	member
}) => {
	const boardId = await createTestBoard(app.db, member, 'Rechargé hors ligne');
	const other = await openBoard(browser, app, await createColleague(app.db, member, 'Odile'), boardId);
	const profile = await mkdtemp(join(tmpdir(), 'bouture-offline-'));
	const context = await ownBrowser(app, member, profile);
	try {
		const page = context.pages()[0] ?? (await context.newPage());
		await gotoReady(page, `/b/${boardId}`);
		await expect(page.getByRole('status').first()).toHaveText('Connecté');
		await addCard(page, 'Idées', 'Vente en vrac');
		// The service worker installs, takes this page over and keeps it (a first visit is enough).
		await page.evaluate(() => navigator.serviceWorker.ready);
		await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
		const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
		await expect.poll(() => worker.evaluate(keptPages)).toContain(`/b/${boardId}`);

		await context.setOffline(true);
		// Offline reaches the service worker too: its own requests fail, so what it serves is its copy.
		expect(
			await worker.evaluate(() =>
				fetch('/login').then(
					() => 'reached',
					() => 'failed'
				)
			)
		).toBe('failed');
		await page.reload();
		await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
		const status = page.getByRole('status').first();
		await expect(status).toHaveText('Hors ligne');
		await expect(titlesIn(page, 'Idées')).toHaveText(['Vente en vrac']);
		await addCard(page, 'Idées', 'Tournée du samedi');
		await expect(status).toHaveText(/^Hors ligne · \d+ modifications? non envoyées?$/);
		await expect(titlesIn(other.page, 'Idées')).toHaveText(['Vente en vrac']);

		await context.setOffline(false);
		await expect(status).toHaveText('Connecté');
		await expect(titlesIn(other.page, 'Idées')).toHaveText(['Vente en vrac', 'Tournée du samedi']);
		await expect(column(other.page, 'Idées').getByTestId('card-title')).toHaveCount(2);

		// Logging out leaves nothing of the boards in this browser: neither pages nor documents.
		await page.getByRole('button', { name: 'Se déconnecter' }).click();
		await expect(page).toHaveURL(/\/login/);
		expect(await worker.evaluate(keptPages)).toEqual([]);
		const documents = await page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name));
		expect(documents.filter((name) => name?.startsWith('bouture:'))).toEqual([]);
	} finally {
		await context.close();
		await other.context.close();
		await rm(profile, { recursive: true, force: true });
	}
});

/** The paths of the pages the service worker keeps (run inside it). */
async function keptPages(): Promise<string[]> {
	const names = (await caches.keys()).filter((name) => name.startsWith('bouture-pages-'));
	const requests = (await Promise.all(names.map(async (name) => (await caches.open(name)).keys()))).flat();
	return requests.map((request) => new URL(request.url).pathname);
}
