import { createColleague, createTestBoard } from '../factories/accounts.ts';
import { addCard, openBoard, titlesIn } from './board-helpers.ts';
import { expect, gotoReady, test } from './fixtures.ts';

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

test('the signals inbox is live: a customer observation recorded in one browser becomes an idea on the other’s board', async ({
	app,
	browser,
	member
}) => {
	const boardId = await createTestBoard(app.db, member, 'Terrain');
	const a = await openBoard(browser, app, member, boardId);
	const b = await openBoard(browser, app, await createColleague(app.db, member, 'Lina'), boardId, 'en-US');
	await addCard(a.page, 'Idées', 'Zéro déchet');

	// Both open the inbox; Camille (French) records two observations, Lina (English) sees them arrive.
	await gotoReady(a.page, `/b/${boardId}/signals`);
	await gotoReady(b.page, `/b/${boardId}/signals`);
	const mine = a.page.getByRole('dialog', { name: 'Boîte à signaux' });
	const theirs = b.page.getByRole('dialog', { name: 'Signals inbox' });
	await expect(theirs.getByText('No pending signal.')).toBeVisible();
	const record = async (source: string, channel: string, text: string) => {
		await mine.getByRole('combobox', { name: 'Source' }).selectOption({ label: source });
		await mine.getByRole('combobox', { name: 'Canal' }).selectOption({ label: channel });
		await mine.getByRole('textbox', { name: 'Ce qui a été observé' }).fill(text);
		await mine.getByRole('button', { name: 'Enregistrer le signal' }).click();
		await expect(mine.getByText(text)).toBeVisible();
	};
	await record('Client', 'Visite', 'Une cliente demande des recharges de lessive');
	await record('Fournisseur', 'Téléphone', 'Le grossiste reprend les bocaux');
	const observation = theirs.getByRole('listitem').filter({ hasText: 'Une cliente demande des recharges de lessive' });
	const supplier = theirs.getByRole('listitem').filter({ hasText: 'Le grossiste reprend les bocaux' });
	await expect(observation).toContainText('Client · Visit');
	await expect(supplier).toContainText('Supplier · Phone');

	// Lina attaches the supplier's one to a card: it leaves Camille's inbox at once.
	await supplier.getByRole('combobox', { name: 'Attach to…' }).selectOption({ label: 'Zéro déchet' });
	await supplier.getByRole('button', { name: 'Attach', exact: true }).click();
	await expect(mine.getByText('Le grossiste reprend les bocaux')).toHaveCount(0);

	// Lina goes back to the board; Camille turns the customer's observation into an idea, which shows up
	// in Lina's Ideas & signals column without a reload.
	await theirs.getByRole('button', { name: 'Close', exact: true }).click();
	await expect(b.page).toHaveURL(new RegExp(`/b/${boardId}$`));
	await mine
		.getByRole('listitem')
		.filter({ hasText: 'Une cliente demande des recharges de lessive' })
		.getByRole('button', { name: 'Transformer en idée' })
		.click();
	await expect(mine.getByText('Transformé en idée.')).toBeVisible();
	await expect(titlesIn(b.page, 'Ideas & signals')).toContainText(['Une cliente demande des recharges de lessive']);
	for (const x of [a, b]) await x.context.close();
});
