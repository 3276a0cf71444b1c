import { createColleague, createTestBoard } from '../factories/accounts.ts';
import { addCard, openBoard, titlesIn } from './board-helpers.ts';
import { expect, test } from './fixtures.ts';

test('a member records field signals in the inbox, attaches one to a card and turns one into an idea', async ({
	app,
	browser,
	member
}) => {
	const boardId = await createTestBoard(app.db, member, 'Signaux');
	const { page, context } = await openBoard(browser, app, await createColleague(app.db, member, 'Lina'), boardId);
	await addCard(page, 'Idées', 'Zéro déchet');

	await page.getByRole('link', { name: 'Signaux' }).click();
	const panel = page.getByRole('dialog', { name: 'Boîte à signaux' });
	await expect(panel.getByText('Aucun signal en attente.')).toBeVisible();
	const record = async (text: string) => {
		await panel.getByRole('combobox', { name: 'Source' }).selectOption({ label: 'Fournisseur' });
		await panel.getByRole('combobox', { name: 'Canal' }).selectOption({ label: 'Téléphone' });
		await panel.getByRole('textbox', { name: 'Ce qui a été observé' }).fill(text);
		await panel.getByRole('button', { name: 'Enregistrer le signal' }).click();
		await expect(panel.getByText(text)).toBeVisible();
	};
	await record('Des bocaux consignés disponibles');
	await panel.getByRole('combobox', { name: 'Rattacher à…' }).selectOption({ label: 'Zéro déchet' });
	await panel.getByRole('button', { name: 'Rattacher', exact: true }).click();
	await expect(panel.getByText('Aucun signal en attente.')).toBeVisible();

	await record('Proposer une carte de fidélité');
	await panel.getByRole('button', { name: 'Transformer en idée' }).click();
	await expect(panel.getByText('Transformé en idée.')).toBeVisible();
	await panel.getByRole('button', { name: 'Fermer' }).click();
	await expect(titlesIn(page, 'Idées')).toContainText(['Proposer une carte de fidélité']);

	await page.getByRole('button', { name: 'Zéro déchet' }).click();
	const card = page.getByRole('dialog', { name: 'Zéro déchet' });
	await expect(card.getByText('Des bocaux consignés disponibles')).toBeVisible();
	await card.getByRole('textbox', { name: 'Ce qui a été observé' }).fill('Les clients demandent du vrac');
	await card.getByRole('button', { name: 'Enregistrer le signal' }).click();
	await expect(card.getByText('Les clients demandent du vrac')).toBeVisible();
	await context.close();
});
