import { createTestBoard } from '../factories/accounts.ts';
import { addCard, openBoard, titlesIn } from './board-helpers.ts';
import { expect, test } from './fixtures.ts';

test('search and filters live in the URL: a filtered link reloads with the same filter', async ({
	app,
	browser,
	member
}) => {
	const boardId = await createTestBoard(app.db, member, 'Filtres');
	const { page, context } = await openBoard(browser, app, member, boardId);
	await addCard(page, 'Idées', 'Réduire l’énergie du four');
	await addCard(page, 'Idées', 'Circuit court farine');
	await addCard(page, 'Revue', 'Énergie des chambres froides');

	const search = page.getByRole('searchbox', { name: 'Rechercher' });
	await search.fill('energie'); // accents and case do not matter
	await expect(page).toHaveURL(/\?q=energie$/);
	await expect(titlesIn(page, 'Idées')).toHaveText(['Réduire l’énergie du four']);
	await expect(titlesIn(page, 'Revue')).toHaveText(['Énergie des chambres froides']);
	await expect(page.getByText('2 initiatives affichées sur 3')).toBeVisible();

	await page.getByRole('combobox', { name: 'Étape' }).selectOption({ label: 'Revue' });
	await expect(page).toHaveURL(/q=energie/);
	await expect(page).toHaveURL(/stage=review/);
	await expect(page.getByRole('region', { name: 'Idées & signaux' })).toHaveCount(0);

	await page.reload();
	await expect(page.getByRole('searchbox', { name: 'Rechercher' })).toHaveValue('energie');
	await expect(page.getByRole('combobox', { name: 'Étape' })).toHaveValue('review');
	await expect(titlesIn(page, 'Revue')).toHaveText(['Énergie des chambres froides']);
	await expect(page.getByRole('region', { name: 'Idées & signaux' })).toHaveCount(0);

	// Opening a card and closing it keeps the filter.
	await page.getByRole('button', { name: 'Énergie des chambres froides' }).click();
	await expect(page).toHaveURL(/\/c\/[\w-]+\?q=energie&stage=review$/);
	await page.getByRole('dialog').getByRole('button', { name: 'Fermer' }).first().click();
	await expect(page).toHaveURL(/\/b\/[\w-]+\?q=energie&stage=review$/);

	await page.getByRole('link', { name: 'Effacer les filtres' }).click();
	await expect(titlesIn(page, 'Idées')).toHaveCount(2);
	await context.close();
});
