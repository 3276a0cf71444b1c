import { createTestBoard } from '../factories/accounts.ts';
import { seriousViolations } from './board-helpers.ts';
import { expect, loggedInPage, test } from './fixtures.ts';

test('login and signup pages have no serious accessibility violation', async ({ page }) => {
	await page.goto('/login');
	expect(await seriousViolations(page)).toEqual([]);
	await page.goto('/signup');
	expect(await seriousViolations(page)).toEqual([]);
});

test('boards and board pages have no serious accessibility violation', async ({ browser, app, member }) => {
	const boardId = await createTestBoard(app.db, member, 'Accessibilité');
	const { context, page } = await loggedInPage(browser, app, member);
	await page.goto('/boards');
	await expect(page.getByRole('link', { name: 'Accessibilité' })).toBeVisible();
	expect(await seriousViolations(page)).toEqual([]);
	await page.goto(`/b/${boardId}`);
	await expect(page.getByRole('heading', { name: 'Accessibilité' })).toBeVisible();
	expect(await seriousViolations(page)).toEqual([]);
	await context.close();
});
