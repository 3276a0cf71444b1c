import type { BrowserContext, Page, Worker } from '@playwright/test';
import { createColleague, createMember, createTestBoard, type Member } from '../factories/accounts.ts';
import { addCard, openBoard, titlesIn } from './board-helpers.ts';
import { expect, gotoReady, loggedInPage, test, type App } from './fixtures.ts';

/** Opens `path` and waits until the service worker controls the page and has kept it. */
async function openKept(context: BrowserContext, page: Page, path: string): Promise<Worker> {
	await gotoReady(page, path);
	await page.evaluate(() => navigator.serviceWorker.ready);
	await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
	const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
	await expect.poll(() => worker.evaluate(keptPages)).toContain(path);
	return worker;
}

/** The paths of the pages the service worker keeps (run inside it). */
async function keptPages(): Promise<string[]> {
	const names = (await caches.keys()).filter((name) => name.startsWith('bouture-pages-'));
	const requests = (await Promise.all(names.map(async (name) => (await caches.open(name)).keys()))).flat();
	return requests.map((request) => new URL(request.url).pathname);
}

const boardCopies = (page: Page) =>
	page.evaluate(async () =>
		(await indexedDB.databases()).flatMap((d) => (d.name?.startsWith('bouture:') ? [d.name] : []))
	);

async function expectOfflinePage(page: Page): Promise<void> {
	await expect(page.getByRole('heading', { name: 'Hors ligne', exact: true })).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Offline', exact: true })).toBeVisible();
	await expect(page.getByRole('link', { name: 'Mes tableaux' })).toHaveAttribute('href', '/boards');
}

async function openBoardAs(app: App, browser: Parameters<typeof loggedInPage>[0], who: Member, boardId: string) {
	const { context, page } = await loggedInPage(browser, app, who);
	const worker = await openKept(context, page, `/b/${boardId}`);
	await expect(page.getByRole('status').first()).toHaveText('Connecté');
	return { context, page, worker };
}

test('offline, a page never opened on this device shows a short bilingual offline page, not the browser’s error', async ({
	app,
	browser,
	member
}) => {
	const boardId = await createTestBoard(app.db, member, 'Jamais ouvert');
	const { context, page } = await loggedInPage(browser, app, member);
	await openKept(context, page, '/boards');
	await context.setOffline(true);
	await page.goto(`/b/${boardId}`); // a board page, never kept
	await expectOfflinePage(page);
	await page.goto('/account'); // a page that is never kept
	await expectOfflinePage(page);
	await page.goto('/boards'); // a kept page still opens from its copy
	await expect(page.getByRole('link', { name: 'Jamais ouvert' })).toBeVisible();
	await context.close();
});

test('logging out waits while offline or while changes are unsent, so the copy holding them is not erased', async ({
	app,
	browser,
	member
}) => {
	const boardId = await createTestBoard(app.db, member, 'Départ hors ligne');
	const other = await openBoard(browser, app, await createColleague(app.db, member, 'Odile'), boardId);
	const { context, page } = await openBoardAs(app, browser, member, boardId);
	const logout = page.getByRole('button', { name: 'Se déconnecter' });
	const waits = page.getByRole('alert').filter({ hasText: /déconnect/i });

	await context.setOffline(true);
	await expect(page.getByRole('status').first()).toHaveText('Hors ligne');
	await logout.focus();
	await page.keyboard.press('Enter');
	await expect(waits).toHaveText(/^Vous êtes hors ligne : déconnectez-vous au retour du réseau/);

	await addCard(page, 'Idées', 'Écrite dans le train');
	await expect(page.getByRole('status').first()).toHaveText(/non envoyées?$/);
	await logout.focus();
	await page.keyboard.press('Enter');
	await expect(waits).toHaveText(
		/^\d+ modifications? (n’est|ne sont) pas encore envoyées? : la déconnexion les? perdrait/
	);
	await expect(logout).toHaveAccessibleDescription(/pas encore envoyée/);
	await expect(page).toHaveURL(new RegExp(`/b/${boardId}$`));
	expect(await boardCopies(page)).toContain(`bouture:${member.userId}:${boardId}`);

	// Back online: the change is sent, the warning goes, and logging out works.
	await context.setOffline(false);
	await expect(page.getByRole('status').first()).toHaveText('Connecté');
	await expect(waits).toHaveCount(0);
	await expect(titlesIn(other.page, 'Idées')).toHaveText(['Écrite dans le train']);
	await logout.click();
	await expect(page).toHaveURL(/\/login/);
	expect(await boardCopies(page)).toEqual([]);
	await context.close();
	await other.context.close();
});

test('when another person logs in after a session that ended without logout, the previous person’s boards are gone from this browser', async ({
	app,
	browser,
	member
}) => {
	const boardId = await createTestBoard(app.db, member, 'Carnet de Jeanne');
	const { context, page, worker } = await openBoardAs(app, browser, member, boardId);
	await addCard(page, 'Idées', 'Secret de Jeanne');
	await expect.poll(() => boardCopies(page)).toContain(`bouture:${member.userId}:${boardId}`);

	// The session ends without a logout (cookie gone), and someone else logs in on this browser.
	const next = await createMember(app.db, 'Marc');
	await context.clearCookies();
	const { hostname } = new URL(app.server.url);
	await context.addCookies([
		{ name: 'session', value: next.token, domain: hostname, path: '/', httpOnly: true, sameSite: 'Lax' }
	]);
	await gotoReady(page, '/boards');
	await expect.poll(() => worker.evaluate(keptPages)).not.toContain(`/b/${boardId}`);
	await expect.poll(() => boardCopies(page)).toEqual([]);

	// Offline, the previous person's board is not served to this one.
	await context.setOffline(true);
	await page.goto(`/b/${boardId}`);
	await expectOfflinePage(page);
	await expect(page.getByText('Secret de Jeanne')).toHaveCount(0);
	await context.close();
});
