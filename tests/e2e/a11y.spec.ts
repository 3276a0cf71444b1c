import { createTestBoard } from '../factories/accounts.ts';
import { seriousViolations } from './board-helpers.ts';
import { expect, gotoReady, loggedInPage, test } from './fixtures.ts';

test('login and signup pages have no serious accessibility violation', async ({ page }) => {
	await gotoReady(page, '/login');
	expect(await seriousViolations(page)).toEqual([]);
	await gotoReady(page, '/signup');
	expect(await seriousViolations(page)).toEqual([]);
});

test('boards and board pages have no serious accessibility violation', async ({ browser, app, member }) => {
	const boardId = await createTestBoard(app.db, member, 'Accessibilité');
	const { context, page } = await loggedInPage(browser, app, member);
	await gotoReady(page, '/boards');
	await expect(page.getByRole('link', { name: 'Accessibilité' })).toBeVisible();
	expect(await seriousViolations(page)).toEqual([]);
	await gotoReady(page, `/b/${boardId}`);
	await expect(page.getByRole('heading', { name: 'Accessibilité' })).toBeVisible();
	expect(await seriousViolations(page)).toEqual([]);
	await context.close();
});
