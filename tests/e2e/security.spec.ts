import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createTestBoard } from '../factories/accounts.ts';
import { writeCards } from '../factories/portal.ts';
import { expect, gotoReady, loggedInPage, test } from './fixtures.ts';

/** A page of another origin (same host, another port: same-site) that frames `target`. */
async function framingPage(target: string): Promise<{ url: string; server: Server }> {
	const server = createServer((_req, res) => {
		res.setHeader('Content-Type', 'text/html');
		res.end(
			`<!doctype html><title>Piège</title><iframe id="victim" src="${target}" width="800" height="600"></iframe>`
		);
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, server };
}

test('a page on another origin cannot frame the signed-in board', async ({ app, browser, member }) => {
	const boardId = await createTestBoard(app.db, member, 'Tableau à ne pas encadrer');
	const { context, page } = await loggedInPage(browser, app, member);
	const trap = await framingPage(`${app.server.url}/b/${boardId}`);
	try {
		const refusals: string[] = [];
		page.on('console', (message) => refusals.push(message.text()));
		await page.goto(trap.url);
		const frame = page.frameLocator('#victim');
		// The board would show its name; the refused frame stays an error page.
		await expect.poll(() => refusals.some((text) => /frame-ancestors|X-Frame-Options/.test(text))).toBe(true);
		await expect(frame.getByText('Tableau à ne pas encadrer')).toHaveCount(0);
	} finally {
		trap.server.close();
		await context.close();
	}
});

test('the board, a card, the stand-up and the account work under the CSP, without a violation', async ({
	app,
	browser,
	member
}) => {
	const boardId = await createTestBoard(app.db, member, 'Sous CSP');
	const [cardId] = (await writeCards(app.server.url, app.db, member, boardId, [
		{ title: 'Carte suivie', checkIns: [{ value: 40, note: 'Premier point', shared: false }] }
	])) as [string];
	const { context, page } = await loggedInPage(browser, app, member);
	const violations: string[] = [];
	page.on('console', (message) => {
		if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
	});
	await gotoReady(page, `/b/${boardId}`);
	await expect(page.getByText('Carte suivie')).toBeVisible();
	await expect(page.getByRole('status').filter({ hasText: 'Connecté' })).toBeVisible(); // the sync websocket
	await gotoReady(page, `/b/${boardId}/c/${cardId}`);
	await expect(page.getByRole('dialog', { name: 'Carte suivie' })).toBeVisible();
	await gotoReady(page, `/b/${boardId}/standup`);
	await gotoReady(page, '/account');
	expect(violations).toEqual([]);
	await context.close();
});
