import { createColleague, createMember, createTestBoard } from '../factories/accounts.ts';
import { addCard, openBoard } from './board-helpers.ts';
import { expect, gotoReady, loggedInPage, test } from './fixtures.ts';

test('a manager sets the method and the global objectives; members see them live and cannot change them', async ({
	app,
	browser,
	member
}) => {
	const boardId = await createTestBoard(app.db, member, 'Réglages');
	const manager = await openBoard(browser, app, member, boardId);
	const colleague = await openBoard(browser, app, await createColleague(app.db, member, 'Lina'), boardId);
	await addCard(colleague.page, 'Revue', 'Zéro déchet');
	await colleague.page.getByRole('button', { name: 'Zéro déchet' }).click();
	const card = colleague.page.getByRole('dialog', { name: 'Zéro déchet' });
	await expect(card.getByText('Ce tableau n’a pas encore d’objectif global')).toBeVisible();
	await expect(card.getByText('0 / 3 segments')).toBeVisible();

	await manager.page.getByRole('link', { name: 'Réglages de la méthode' }).click();
	const settings = manager.page.getByRole('dialog', { name: 'Réglages de la méthode' });
	await settings.getByRole('textbox', { name: 'Intitulé de l’objectif' }).fill('Réduire nos déchets de 30 %');
	await settings.getByRole('button', { name: 'Ajouter l’objectif' }).click();
	await expect(settings.getByRole('button', { name: 'Retirer « Réduire nos déchets de 30 % »' })).toBeVisible();
	await settings.getByRole('spinbutton', { name: 'Segments au plus par initiative' }).fill('2');
	await settings.getByRole('button', { name: 'Enregistrer' }).click();
	await expect(settings.getByRole('status')).toHaveText('Enregistré.');

	// The colleague's open card follows at once: the new objective to link to, the new limit.
	const global = card.getByRole('combobox', { name: 'Objectif global servi' });
	await expect(global.getByRole('option', { name: 'Réduire nos déchets de 30 %' })).toHaveCount(1);
	await global.selectOption({ label: 'Réduire nos déchets de 30 %' });
	await expect(card.getByText('0 / 2 segments')).toBeVisible();

	// A wrong value is refused with a clear message, and nothing changes.
	await settings.getByRole('spinbutton', { name: 'Segments au plus par initiative' }).fill('40');
	await settings.getByRole('button', { name: 'Enregistrer' }).click();
	await expect(settings.getByRole('alert')).toContainText('segments entre 1 et 10');
	await expect(card.getByText('0 / 2 segments')).toBeVisible();

	// Only managers reach the page; a member of another organisation does not learn the board exists.
	await expect(colleague.page.getByRole('link', { name: 'Réglages de la méthode' })).toHaveCount(0);
	const response = await colleague.page.goto(`/b/${boardId}/settings`);
	expect(response?.status()).toBe(403);
	const outsider = await loggedInPage(browser, app, await createMember(app.db, 'Externe'));
	await gotoReady(outsider.page, '/boards');
	expect((await outsider.page.goto(`/b/${boardId}/settings`))?.status()).toBe(404);
	for (const x of [manager, colleague, outsider]) await x.context.close();
});
