import { expect, gotoReady, test } from './fixtures.ts';

test('sign up, create a board, log out and back in', async ({ page }) => {
	const email = `ines-${Date.now()}@example.test`;
	await gotoReady(page, '/signup');
	await page.getByLabel('Votre nom').fill('Inès Dupont');
	await page.getByLabel('Nom de l’organisation').fill('Boulangerie Dupont');
	await page.getByLabel('E-mail').fill(email);
	await page.getByLabel('Mot de passe').fill('un mot de passe solide');
	await page.getByRole('button', { name: 'Créer mon compte' }).click();
	// Sign-up answers a new address as it answers a registered one: the newcomer logs in next.
	await expect(page).toHaveURL(/\/login\?signup=check$/);
	await page.getByLabel('E-mail').fill(email);
	await page.getByLabel('Mot de passe').fill('un mot de passe solide');
	await page.getByRole('button', { name: 'Se connecter' }).click();
	await expect(page).toHaveURL(/\/boards$/);
	await expect(page.getByText('Aucun tableau')).toBeVisible();

	await page.getByLabel('Nom du tableau').fill('Initiatives du fournil');
	await page.getByRole('button', { name: 'Créer', exact: true }).click();
	await expect(page).toHaveURL(/\/b\/[\w-]{21}$/);

	await page.getByRole('button', { name: 'Se déconnecter' }).click();
	await expect(page).toHaveURL(/\/login$/);
	await gotoReady(page, '/boards');
	await expect(page).toHaveURL(/\/login\?next=%2Fboards$/);

	await page.getByLabel('E-mail').fill(email);
	await page.getByLabel('Mot de passe').fill('wrong password!');
	await page.getByRole('button', { name: 'Se connecter' }).click();
	await expect(page.getByRole('alert')).toHaveText('E-mail ou mot de passe incorrect.');
	await page.getByLabel('Mot de passe').fill('un mot de passe solide');
	await page.getByRole('button', { name: 'Se connecter' }).click();
	await expect(page).toHaveURL(/\/boards$/);
	await expect(page.getByRole('link', { name: 'Initiatives du fournil' })).toBeVisible();
});

test('signup form explains what is wrong and keeps what was typed', async ({ page }) => {
	await gotoReady(page, '/signup');
	await page.getByLabel('Votre nom').fill('Léa');
	await page.getByLabel('E-mail').fill('not-an-email');
	await page.getByLabel('Mot de passe').fill('short');
	await page.getByRole('button', { name: 'Créer mon compte' }).click();
	await expect(page.getByText('Saisissez une adresse e-mail valide.')).toBeVisible();
	await expect(page.getByText('au moins 10 caractères')).toBeVisible();
	await expect(page.getByText('Saisissez le nom de l’organisation')).toBeVisible();
	await expect(page.getByLabel('Votre nom')).toHaveValue('Léa');
});

test('switching to English changes the interface and is remembered', async ({ page }) => {
	await gotoReady(page, '/login');
	await expect(page.getByRole('heading', { name: 'Connexion' })).toBeVisible();
	await page.getByRole('button', { name: 'EN' }).click();
	await expect(page.getByRole('heading', { name: 'Log in' })).toBeVisible();
	await page.reload();
	await expect(page.getByRole('heading', { name: 'Log in' })).toBeVisible();
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
});
