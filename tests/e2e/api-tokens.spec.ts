import { createTestBoard } from '../factories/accounts.ts';
import { seriousViolations } from './board-helpers.ts';
import { expect, gotoReady, loggedInPage, test } from './fixtures.ts';

test('a token is created, shown once, opens the API, and stops working once revoked', async ({
	app,
	browser,
	member
}) => {
	const boardId = await createTestBoard(app.db, member, 'Fournil');
	const { page } = await loggedInPage(browser, app, member);
	await gotoReady(page, '/account');
	const region = page.getByRole('region', { name: 'Jetons d’API' });
	await expect(region.getByText('Vous n’avez aucun jeton d’API.')).toBeVisible();

	await region.getByRole('button', { name: 'Créer le jeton' }).click();
	await expect(region.getByRole('alert')).toHaveText('Donnez au jeton un nom de 1 à 60 caractères.');
	await region.getByLabel('Nom du jeton').fill('Tableur');
	await region.getByLabel('Lecture et écriture').check();
	await region.getByLabel('Expiration').selectOption('90');
	await region.getByRole('button', { name: 'Créer le jeton' }).click();
	const secret = region.getByLabel('Copiez-le maintenant : il ne sera plus affiché.');
	await expect(secret).toHaveValue(/^bt_[a-z0-9]{32}$/);
	const token = await secret.inputValue();
	await expect(region.getByRole('listitem')).toContainText(['Tableur']);
	await expect(region.getByRole('listitem')).toContainText('Lecture et écriture');
	await expect(region.getByRole('listitem')).toContainText('jamais utilisé');
	expect(await seriousViolations(page)).toEqual([]);

	const api = (path: string) =>
		fetch(`${app.server.url}/api/v1${path}`, { headers: { Authorization: `Bearer ${token}` } });
	const boards = (await (await api('/boards')).json()) as { items: { id: string }[] };
	expect(boards.items.map((b) => b.id)).toEqual([boardId]);

	// Shown once: after a reload only its name and dates remain, and it was used.
	await page.reload();
	await expect(region.getByLabel('Copiez-le maintenant : il ne sera plus affiché.')).toHaveCount(0);
	await expect(page.locator('body')).not.toContainText(token);
	await expect(region.getByRole('listitem')).toContainText('utilisé le');

	await region.getByRole('button', { name: 'Révoquer le jeton Tableur' }).click();
	await expect(region.getByRole('status')).toHaveText('Jeton révoqué.');
	await expect(region.getByRole('listitem')).toHaveCount(0);
	expect((await api('/boards')).status).toBe(401);
});

test('the API documentation page lists the endpoints and links the OpenAPI document', async ({
	app,
	browser,
	member
}) => {
	const { page } = await loggedInPage(browser, app, member, 'en-GB');
	await gotoReady(page, '/api/docs');
	await expect(page.getByRole('heading', { name: 'Bouture API', level: 1 })).toBeVisible();
	await expect(
		page.getByRole('row', { name: /POST \/api\/v1\/boards\/\{boardId\}\/cards\/\{cardId\}\/move/ })
	).toBeVisible();
	expect(await seriousViolations(page)).toEqual([]);
	await page.getByRole('link', { name: 'OpenAPI 3.1 document' }).click();
	await expect(page).toHaveURL(/\/api\/v1\/openapi\.json$/);
	await expect(page.locator('body')).toContainText('"openapi":"3.1.0"');
});
