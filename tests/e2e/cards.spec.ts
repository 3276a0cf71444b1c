import { createColleague, createTestBoard } from '../factories/accounts.ts';
import { addCard, column, openBoard } from './board-helpers.ts';
import { expect, gotoReady, loggedInPage, test } from './fixtures.ts';

test('rename, archive and restore a card, seen live by a colleague', async ({ app, browser, member }) => {
	const boardId = await createTestBoard(app.db, member, 'Cartes');
	const a = await openBoard(browser, app, member, boardId);
	const b = await openBoard(browser, app, await createColleague(app.db, member, 'Chloé'), boardId);
	await addCard(a.page, 'Revue', 'Audit énergie');

	await a.page.getByRole('button', { name: 'Audit énergie' }).click();
	const dialog = a.page.getByRole('dialog');
	await dialog.getByRole('textbox', { name: 'Titre' }).fill('Audit énergie de l’atelier');
	await dialog.getByRole('textbox', { name: 'Titre' }).press('Enter');
	await expect(column(b.page, 'Revue').getByRole('button', { name: 'Audit énergie de l’atelier' })).toBeVisible();

	await dialog.getByRole('button', { name: 'Archiver' }).click();
	await expect(column(b.page, 'Revue').getByRole('button', { name: 'Audit énergie de l’atelier' })).toHaveCount(0);
	await expect(column(b.page, 'Revue')).toContainText('Aucune carte');
	await b.page.getByText('Cartes archivées (1)').click();
	await b.page.getByRole('button', { name: 'Restaurer « Audit énergie de l’atelier »' }).click();
	await expect(column(a.page, 'Revue').getByRole('button', { name: 'Audit énergie de l’atelier' })).toBeVisible();
	await a.context.close();
	await b.context.close();
});

test('rename a board from the list', async ({ app, browser, member }) => {
	await createTestBoard(app.db, member, 'Ancien nom');
	const { page, context } = await loggedInPage(browser, app, member);
	await gotoReady(page, '/boards');
	await page.getByRole('button', { name: 'Renommer : Ancien nom' }).click();
	const input = page.locator('form[action="?/rename"]').getByRole('textbox');
	await input.fill('   ');
	await page.getByRole('button', { name: 'Enregistrer' }).click();
	await expect(page.getByRole('alert')).toContainText('Saisissez un nom de tableau');
	await input.fill('Nouveau nom');
	await page.getByRole('button', { name: 'Enregistrer' }).click();
	await expect(page.getByRole('link', { name: 'Nouveau nom' })).toBeVisible();
	await page.reload();
	await expect(page.getByRole('link', { name: 'Nouveau nom' })).toBeVisible();
	await context.close();
	// In English the label has no space before its colon (French typography only).
	const english = await loggedInPage(browser, app, member, 'en-US');
	await gotoReady(english.page, '/boards');
	await expect(english.page.getByRole('button', { name: 'Rename: Nouveau nom', exact: true })).toBeVisible();
	await english.context.close();
});
