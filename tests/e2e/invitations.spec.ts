import { createHash } from 'node:crypto';
import type { Browser, Page } from '@playwright/test';
import { createMember, createTestBoard } from '../factories/accounts.ts';
import { seriousViolations } from './board-helpers.ts';
import { expect, gotoReady, loggedInPage, test, type App } from './fixtures.ts';

/** The owner's browser creates links on the admin page; each invitee opens theirs in a fresh browser. */

interface LinkOptions {
	role: 'Membre' | 'Responsable' | 'Invité (client ou partenaire)';
	company?: string;
	board?: string;
}

async function createLink(page: Page, { role, company, board }: LinkOptions): Promise<string> {
	await page.getByLabel('Rôle').selectOption({ label: role });
	if (company !== undefined) await page.getByLabel('Entreprise de l’invité').fill(company);
	if (board !== undefined) await page.getByLabel('Tableau à ouvrir en arrivant').selectOption({ label: board });
	const link = page.getByRole('textbox', { name: 'Lien d’invitation' });
	const previous = (await link.count()) > 0 ? await link.inputValue() : null;
	await page.getByRole('button', { name: 'Créer le lien' }).click();
	await expect(link).toHaveValue(/\/invite\/[a-z2-7]{32}$/);
	if (previous) await expect(link).not.toHaveValue(previous);
	await expect(link).toHaveAttribute('readonly');
	return link.inputValue();
}

/** A browser that has never seen the app. */
async function freshPage(browser: Browser, app: App, locale = 'fr-FR'): Promise<Page> {
	const context = await browser.newContext({ baseURL: app.server.url, locale });
	return context.newPage();
}

async function signUp(page: Page, link: string, name: string): Promise<void> {
	await gotoReady(page, link);
	await page.getByLabel('Votre nom').fill(name);
	await page.getByLabel('E-mail').fill(`${name.toLowerCase()}-${Date.now()}@example.test`);
	await page.getByLabel('Mot de passe').fill('un mot de passe solide');
	await page.getByRole('button', { name: 'Créer mon compte et rejoindre' }).click();
}

const idOf = (link: string) =>
	createHash('sha256')
		.update(link.split('/invite/')[1] ?? '')
		.digest('hex');

test('the owner invites a member and a guest; each joins from a fresh browser and lands where expected', async ({
	browser,
	app,
	member: owner
}) => {
	const boardId = await createTestBoard(app.db, owner, 'Fournil');
	const { context, page } = await loggedInPage(browser, app, owner);
	await context.grantPermissions(['clipboard-read', 'clipboard-write']);
	await gotoReady(page, '/admin/invitations');
	await expect(page.getByText('copiez le lien et envoyez-le vous-même')).toBeVisible();
	await expect(page.getByLabel('Entreprise de l’invité')).toBeHidden();

	const memberLink = await createLink(page, { role: 'Membre', board: 'Fournil' });
	await page.getByRole('button', { name: 'Copier' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Lien copié.' })).toBeVisible();
	expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(memberLink);

	await page.getByLabel('Rôle').selectOption({ label: 'Invité (client ou partenaire)' });
	await expect(page.getByLabel('Tableau à ouvrir en arrivant')).toBeHidden();
	const guestLink = await createLink(page, {
		role: 'Invité (client ou partenaire)',
		company: 'Boulangerie Martin'
	});
	expect(guestLink).not.toBe(memberLink);
	expect(await seriousViolations(page)).toEqual([]);

	const colleague = await freshPage(browser, app);
	await gotoReady(colleague, memberLink);
	await expect(colleague.getByText('Camille SARL vous invite')).toBeVisible();
	await expect(colleague.getByText('Votre rôle : Membre')).toBeVisible();
	await expect(colleague.getByLabel('Nom de l’organisation')).toHaveCount(0);
	expect(await seriousViolations(colleague)).toEqual([]);
	await signUp(colleague, memberLink, 'Nadia');
	await expect(colleague).toHaveURL(new RegExp(`/b/${boardId}$`));
	await expect(colleague.getByRole('status')).toHaveText('Connecté');

	const client = await freshPage(browser, app);
	await gotoReady(client, guestLink);
	await expect(client.getByText('invité de l’entreprise Boulangerie Martin')).toBeVisible();
	await signUp(client, guestLink, 'Gaston');
	// The guest portal is built by another part of the issue: the landing URL is what this test owns.
	await expect(client).toHaveURL(/\/portal$/);

	await page.reload();
	const table = page.getByRole('table');
	await expect(table.getByRole('row', { name: /Membre .*Fournil.*Utilisée par Nadia/ })).toBeVisible();
	await expect(table.getByRole('row', { name: /Boulangerie Martin.*Utilisée par Gaston/ })).toBeVisible();
	await expect(table.getByRole('button', { name: /Révoquer/ })).toHaveCount(0);
});

test('someone with an account logs in from the link and accepts it', async ({ browser, app, member: owner }) => {
	const { page } = await loggedInPage(browser, app, owner);
	await gotoReady(page, '/admin/invitations');
	const link = await createLink(page, { role: 'Responsable' });
	const paul = await createMember(app.db, 'Paul');

	const visitor = await freshPage(browser, app);
	await gotoReady(visitor, link);
	await visitor.getByRole('link', { name: 'Connectez-vous pour accepter' }).click();
	// The invitation page has its own e-mail field: wait for the login page before typing.
	await expect(visitor.getByRole('heading', { name: 'Connexion' })).toBeVisible();
	await visitor.getByLabel('E-mail').fill(paul.email);
	await visitor.getByLabel('Mot de passe').fill('correct horse battery');
	await visitor.getByRole('button', { name: 'Se connecter' }).click();
	await expect(visitor).toHaveURL(new RegExp(`/invite/[a-z2-7]{32}$`));
	await expect(visitor.getByText('Vous êtes connecté en tant que Paul.')).toBeVisible();
	await visitor.locator('html[data-hydrated]').waitFor({ state: 'attached' });
	await visitor.getByRole('button', { name: 'Accepter l’invitation' }).click();
	await expect(visitor).toHaveURL(/\/boards$/);
	const roles = await app.db.selectFrom('membership').select('role').where('user_id', '=', paul.userId).execute();
	expect(roles.map((r) => r.role).sort()).toEqual(['manager', 'owner']);

	await gotoReady(page, '/admin/invitations');
	await expect(page.getByRole('row', { name: /Responsable.*Utilisée par Paul/ })).toBeVisible();
});

test('an expired, a used and a revoked link are each refused with their own message', async ({
	browser,
	app,
	member: owner
}) => {
	const { page } = await loggedInPage(browser, app, owner);
	await gotoReady(page, '/admin/invitations');
	const expired = await createLink(page, { role: 'Membre' });
	const used = await createLink(page, { role: 'Membre' });
	const revoked = await createLink(page, { role: 'Responsable' });

	await app.db
		.updateTable('invitation')
		.set({ expires_at: Date.now() - 60_000 })
		.where('id', '=', idOf(expired))
		.execute();
	const ursula = await freshPage(browser, app);
	await signUp(ursula, used, 'Ursula');
	await expect(ursula).toHaveURL(/\/boards$/);
	await page.getByRole('button', { name: /^Révoquer l’invitation : Responsable/ }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Invitation révoquée.' })).toBeVisible();
	await expect(page.getByRole('row', { name: /Responsable.*Révoquée/ })).toBeVisible();

	const cases = [
		[expired, 'Invitation expirée', 'a expiré'],
		[used, 'Invitation déjà utilisée', 'a déjà servi'],
		[revoked, 'Invitation révoquée', 'a été annulée'],
		[expired.replace(/\/invite\/.*/, `/invite/${'a'.repeat(32)}`), 'Lien d’invitation invalide', 'aucune invitation']
	] as const;
	for (const [link, heading, text] of cases) {
		const visitor = await freshPage(browser, app);
		await gotoReady(visitor, link);
		await expect(visitor.getByRole('heading', { level: 1 })).toHaveText(heading);
		await expect(visitor.getByText(text)).toBeVisible();
		await expect(visitor.getByRole('button', { name: 'Créer mon compte et rejoindre' })).toHaveCount(0);
		await expect(visitor.getByRole('button', { name: 'Accepter l’invitation' })).toHaveCount(0);
	}

	const english = await freshPage(browser, app, 'en-US');
	await gotoReady(english, revoked);
	await expect(english.getByRole('heading', { level: 1 })).toHaveText('Invitation revoked');
});
