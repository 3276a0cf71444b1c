import type { Browser, Locator, Page } from '@playwright/test';
import { createTestBoard } from '../factories/accounts.ts';
import { seriousViolations } from './board-helpers.ts';
import { expect, gotoReady, test, type App } from './fixtures.ts';

const OLD_PASSWORD = 'correct horse battery';
const NEW_PASSWORD = 'un tout nouveau mot de passe';

async function fillLogin(page: Page, email: string, password: string): Promise<void> {
	await page.getByLabel('E-mail').fill(email);
	await page.getByLabel('Mot de passe').fill(password);
	await page.getByRole('button', { name: 'Se connecter' }).click();
}

async function fillPasswordForm(form: Locator, current: string): Promise<void> {
	await form.getByLabel('Mot de passe actuel').fill(current);
	await form.getByLabel('Nouveau mot de passe', { exact: true }).fill(NEW_PASSWORD);
	await form.getByLabel('Confirmez le nouveau mot de passe').fill(NEW_PASSWORD);
}

/** A fresh browser with a real session of its own, started through the login page. */
async function logInThroughPage(browser: Browser, app: App, email: string): Promise<Page> {
	const context = await browser.newContext({ baseURL: app.server.url, locale: 'fr-FR' });
	const page = await context.newPage();
	await gotoReady(page, '/login');
	await fillLogin(page, email, OLD_PASSWORD);
	await expect(page).toHaveURL(/\/boards$/);
	return page;
}

test('changing the password with "log out my other sessions" ends the other browser’s session', async ({
	app,
	browser,
	member
}) => {
	const boardId = await createTestBoard(app.db, member, 'Fournil');
	const first = await logInThroughPage(browser, app, member.email);
	const second = await logInThroughPage(browser, app, member.email);
	await gotoReady(second, `/b/${boardId}`);
	await expect(second.getByRole('status')).toHaveText('Connecté');

	await first.getByRole('link', { name: 'Mon compte' }).click();
	await expect(first.getByRole('heading', { name: 'Mon compte', level: 1 })).toBeVisible();
	const sessions = first.getByRole('region', { name: 'Vos sessions' }).getByRole('listitem');
	// The factory's session (no browser recorded) and the two logins.
	await expect(sessions).toHaveCount(3);
	await expect(sessions.first()).toContainText('Cette session');
	await expect(sessions.filter({ hasText: 'Cette session' })).toHaveCount(1);
	await expect(sessions.filter({ hasText: 'Chrome sur Linux' })).toHaveCount(2);
	await expect(first.getByRole('button', { name: /^Révoquer la session Chrome sur Linux ouverte le / })).toHaveCount(1);
	expect(await seriousViolations(first)).toEqual([]);

	const form = first.getByRole('region', { name: 'Changer de mot de passe' });
	await fillPasswordForm(form, 'pas le bon mot de passe');
	await form.getByRole('button', { name: 'Changer le mot de passe' }).click();
	await expect(form.getByRole('alert')).toHaveText('Le mot de passe actuel est incorrect : rien n’a été modifié.');
	await expect(second.getByRole('status')).toHaveText('Connecté');

	await fillPasswordForm(form, OLD_PASSWORD);
	await form.getByRole('checkbox', { name: 'Déconnecter mes autres sessions' }).check();
	await form.getByRole('button', { name: 'Changer le mot de passe' }).click();
	await expect(form.getByRole('status')).toHaveText('Mot de passe modifié. Vos autres sessions ont été déconnectées.');
	await expect(sessions).toHaveCount(1);
	await expect(first.getByText('Aucune autre session n’est ouverte.')).toBeVisible();

	// The other browser's board is cut off at once, and its next navigation lands on the login page.
	await expect(second.getByRole('status')).toHaveText('Hors ligne');
	await expect(second.getByRole('alert')).toContainText('Votre session a expiré');
	await second.getByRole('link', { name: 'Tableaux' }).click();
	await expect(second).toHaveURL(/\/login\?next=%2Fboards$/);

	await fillLogin(second, member.email, OLD_PASSWORD);
	await expect(second.getByRole('alert')).toHaveText('E-mail ou mot de passe incorrect.');
	await fillLogin(second, member.email, NEW_PASSWORD);
	await expect(second).toHaveURL(/\/boards$/);

	await first.context().close();
	await second.context().close();
});

test('revoking one other session from the list', async ({ app, browser, member }) => {
	const first = await logInThroughPage(browser, app, member.email);
	const second = await logInThroughPage(browser, app, member.email);
	await gotoReady(first, '/account');
	const sessions = first.getByRole('region', { name: 'Vos sessions' }).getByRole('listitem');
	await expect(sessions).toHaveCount(3);
	await first.getByRole('button', { name: /^Révoquer la session Chrome sur Linux/ }).click();
	await expect(first.getByRole('status')).toHaveText('Session révoquée.');
	await expect(sessions).toHaveCount(2);
	await first.getByRole('button', { name: 'Déconnecter partout ailleurs' }).click();
	await expect(first.getByRole('status')).toHaveText('Vos autres sessions ont été déconnectées.');
	await expect(sessions).toHaveCount(1);

	await gotoReady(second, '/boards');
	await expect(second).toHaveURL(/\/login\?next=%2Fboards$/);
	await gotoReady(first, '/boards');
	await expect(first).toHaveURL(/\/boards$/);

	await first.context().close();
	await second.context().close();
});
