import { createColleague, createTestBoard } from '../factories/accounts.ts';
import { addCard, openBoard, seriousViolations, titlesIn } from './board-helpers.ts';
import { expect, test } from './fixtures.ts';

test.describe('live board', () => {
	test('a card title is checked before it is added', async ({ app, browser, member }) => {
		const boardId = await createTestBoard(app.db, member, 'Validation');
		const { page } = await openBoard(browser, app, member, boardId);
		const ideas = page.getByRole('region', { name: 'Idées' });
		await ideas.getByRole('button', { name: 'Ajouter une carte dans Idées' }).click();
		const input = ideas.getByRole('textbox', { name: /Titre de la nouvelle carte/ });
		await input.fill('   ');
		await input.press('Enter');
		await expect(ideas.getByRole('alert')).toHaveText('Le titre ne peut pas être vide.');
		await input.fill('x'.repeat(201));
		await input.press('Enter');
		await expect(ideas.getByRole('alert')).toHaveText('Le titre ne peut pas dépasser 200 caractères.');
	});

	test('a card moves with the keyboard alone, and Escape puts it back', async ({ app, browser, member }) => {
		const boardId = await createTestBoard(app.db, member, 'Clavier');
		const { page } = await openBoard(browser, app, member, boardId);
		await addCard(page, 'Revue', 'Déjà là');
		await addCard(page, 'Idées', 'Tournée des clients');
		const card = page.getByRole('button', { name: 'Tournée des clients' });
		const live = page.locator('span[aria-live="assertive"]');

		await card.focus();
		await page.keyboard.press('Space');
		await expect(live).toHaveText('Carte « Tournée des clients » saisie. Colonne Idées & signaux, position 1 sur 1.');
		await page.keyboard.press('ArrowRight');
		await expect(live).toHaveText('Colonne Revue, position 1 sur 2.');
		await page.keyboard.press('ArrowDown');
		await expect(live).toHaveText('Colonne Revue, position 2 sur 2.');
		await expect(card).toBeFocused();
		await page.keyboard.press('Space');
		await expect(live).toHaveText('Carte « Tournée des clients » déposée. Colonne Revue, position 2 sur 2.');
		await expect(titlesIn(page, 'Revue')).toHaveText(['Déjà là', 'Tournée des clients']);

		await page.keyboard.press('Space');
		await page.keyboard.press('ArrowRight');
		await page.keyboard.press('Escape');
		await expect(live).toContainText('Déplacement annulé');
		await expect(
			page.getByRole('region', { name: 'Revue' }).getByRole('button', { name: 'Tournée des clients' })
		).toBeFocused();
	});

	test('two people see each other and both keep their words in a shared description', async ({
		app,
		browser,
		member
	}) => {
		const boardId = await createTestBoard(app.db, member, 'Ensemble');
		const { page: ana } = await openBoard(browser, app, member, boardId);
		const { page: ben } = await openBoard(browser, app, await createColleague(app.db, member, 'Benoît'), boardId);
		await expect(ana.getByRole('list', { name: 'Personnes sur ce tableau' })).toContainText('Benoît');

		await addCard(ana, 'Revue', 'Réduire les invendus');
		await ben.getByRole('button', { name: 'Réduire les invendus' }).click();
		await expect(ana.getByRole('button', { name: 'Réduire les invendus' })).toContainText('B'); // Benoît's avatar
		await ana.getByRole('button', { name: 'Réduire les invendus' }).press('Enter');
		await expect(ana.getByRole('dialog')).toContainText('Aussi sur cette carte : Benoît');

		const anaText = ana.getByRole('dialog').getByRole('textbox', { name: 'Description' });
		const benText = ben.getByRole('dialog').getByRole('textbox', { name: 'Description' });
		await anaText.click();
		await benText.click();
		await Promise.all([
			anaText.pressSequentially('Mesurer chaque semaine. ', { delay: 20 }),
			benText.pressSequentially('Commencer par le pain. ', { delay: 23 })
		]);
		for (const text of [anaText, benText]) {
			await expect(text).toHaveValue(/Mesurer chaque semaine\. /);
			await expect(text).toHaveValue(/Commencer par le pain\. /);
		}
		expect(await anaText.inputValue()).toBe(await benText.inputValue());
		expect(await seriousViolations(ana)).toEqual([]);
	});
});
