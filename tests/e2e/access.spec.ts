import { createColleague, createTestBoard } from '../factories/accounts.ts';
import { addCard, column, openBoard } from './board-helpers.ts';
import { expect, test } from './fixtures.ts';

test('an owner makes a colleague an observer: their board reloads read-only, live updates still arrive', async ({
	app,
	browser,
	member
}) => {
	const boardId = await createTestBoard(app.db, member, 'Observé');
	const owner = await openBoard(browser, app, member, boardId);
	const observer = await openBoard(browser, app, await createColleague(app.db, member, 'Odile'), boardId);
	await addCard(owner.page, 'Idées', 'Tri des déchets');

	await owner.page.getByRole('link', { name: 'Accès au tableau' }).click();
	const dialog = owner.page.getByRole('dialog', { name: 'Qui accède à ce tableau' });
	await dialog.getByRole('combobox', { name: 'Équipe ou personne' }).selectOption({ label: 'Odile' });
	await dialog.getByRole('combobox', { name: 'Droit' }).selectOption({ label: 'Lecture seule' });
	await dialog.getByRole('button', { name: 'Ajouter à la liste' }).click();
	await expect(dialog.getByRole('listitem')).toContainText(['Odile']);
	await dialog.getByRole('button', { name: 'Fermer' }).click();

	// The observer's open page is told at once, and comes back read-only.
	await expect(observer.page.getByText('Vos droits sur ce tableau ont changé')).toBeVisible({ timeout: 5000 });
	await observer.page.reload();
	await expect(observer.page.getByRole('note')).toHaveText(/Lecture seule/);
	await expect(observer.page.getByRole('button', { name: /Ajouter une carte/ })).toHaveCount(0);
	await expect(observer.page.getByRole('button', { name: 'Nouvelle initiative depuis un modèle' })).toHaveCount(0);

	await addCard(owner.page, 'Idées', 'Atelier réparation');
	await expect(column(observer.page, 'Idées').getByRole('button', { name: 'Atelier réparation' })).toBeVisible();
	await observer.page.getByRole('button', { name: 'Tri des déchets' }).click();
	const card = observer.page.getByRole('dialog', { name: 'Tri des déchets' });
	await expect(card.getByRole('textbox', { name: 'Titre' })).toBeDisabled();
	await expect(card.getByRole('textbox', { name: 'Description' })).toBeDisabled();
	for (const x of [owner, observer]) await x.context.close();
});
