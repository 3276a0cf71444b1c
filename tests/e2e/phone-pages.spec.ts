import type { Page } from '@playwright/test';
import { createTestBoard } from '../factories/accounts.ts';
import { createPerson } from '../factories/people.ts';
import { writeCards } from '../factories/portal.ts';
import { expect, gotoReady, loggedInPage, test } from './fixtures.ts';
import { PHONE, sidewaysOverflow } from './phone-helpers.ts';

/** Opens `url` and waits for what makes it wide, if anything: the board's cards behind a board page. */
async function openAndMeasure(page: Page, url: string, found: string[]): Promise<void> {
	await gotoReady(page, url);
	if (url.startsWith('/b/')) await expect(page.locator('[data-card-id]').first()).toBeAttached();
	for (const [width, overflow] of Object.entries(await sidewaysOverflow(page)))
		if (overflow > 0) found.push(`${url} at ${width} px: ${overflow} px too wide`);
}

test('no page scrolls sideways on a phone, 360 to 430 px wide, for members and guests', async ({
	app,
	browser,
	member
}) => {
	const guest = await createPerson(app.db, member.organizationId, 'Nadia', 'guest', 'Épicerie Dupont');
	const boardId = await createTestBoard(app.db, member, 'Maison Lefèvre — initiatives de la saison');
	const [cardId] = await writeCards(app.server.url, app.db, member, boardId, [
		{ title: 'Vrac en boutique', sharing: { mode: 'all' }, checkIns: [{ value: 40, note: 'Bon début', shared: true }] },
		{ title: 'Consigne des bocaux', stage: 'ideas' },
		{ title: 'Livraison à vélo dans tout le centre-ville historique', stage: 'review' }
	]);
	const found: string[] = [];

	const anonymous = await browser.newContext({ ...PHONE, baseURL: app.server.url, locale: 'fr-FR' });
	const visitor = await anonymous.newPage();
	for (const url of ['/login', '/signup']) await openAndMeasure(visitor, url, found);
	await anonymous.close();

	const { context, page } = await loggedInPage(browser, app, member, 'fr-FR', PHONE);
	const pages = ['/boards', '/inbox', '/account', '/admin', '/admin/teams', '/admin/invitations', '/admin/map'];
	const boardPages = ['', `/c/${cardId}`, '/settings', '/access', '/signals', '/map', '/standup'];
	for (const url of [...pages, ...boardPages.map((path) => `/b/${boardId}${path}`)])
		await openAndMeasure(page, url, found);

	// A running stand-up, then its summary.
	await page.getByRole('button', { name: 'Lancer', exact: true }).click();
	await expect(page).toHaveURL(/\/standup\/[\w-]+$/);
	await openAndMeasure(page, new URL(page.url()).pathname, found);
	await page.getByRole('button', { name: 'Clore le point' }).click();
	await expect(page).toHaveURL(/\/standups\/[\w-]+$/);
	await openAndMeasure(page, new URL(page.url()).pathname, found);
	await context.close();

	const portal = await loggedInPage(browser, app, guest, 'fr-FR', PHONE);
	for (const url of ['/portal', `/portal/${boardId}`]) await openAndMeasure(portal.page, url, found);
	await portal.context.close();

	expect(found).toEqual([]);
});
