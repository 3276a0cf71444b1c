import { createPerson } from '../factories/people.ts';
import { seriousViolations } from './board-helpers.ts';
import { expect, gotoReady, loggedInPage, test } from './fixtures.ts';

test('an owner builds a team and appoints a manager, who then cannot touch the owner', async ({
	app,
	browser,
	member
}) => {
	const bastien = await createPerson(app.db, member.organizationId, 'Bastien');
	await createPerson(app.db, member.organizationId, 'Léa');
	const owner = await loggedInPage(browser, app, member);
	const page = owner.page;

	await gotoReady(page, '/boards');
	await page.getByRole('link', { name: 'Personnes et équipes' }).click();
	await page.getByRole('navigation', { name: 'Administration' }).getByRole('link', { name: 'Équipes' }).click();
	await page.getByRole('textbox', { name: 'Nom de l’équipe' }).fill('Qualité');
	await page.getByRole('radio', { name: 'Bleu', exact: true }).check();
	await page.getByRole('button', { name: 'Créer l’équipe' }).click();
	const team = page.getByRole('region', { name: 'Qualité' });
	await expect(team).toBeVisible();
	for (const name of ['Bastien', 'Léa']) {
		await team.getByRole('combobox', { name: 'Ajouter à Qualité' }).selectOption({ label: name });
		await team.getByRole('button', { name: 'Ajouter', exact: true }).click();
		await expect(team.getByRole('list', { name: 'Membres de Qualité' })).toContainText(name);
	}
	await expect(team.getByRole('list', { name: 'Membres de Qualité' }).getByRole('listitem')).toHaveText([
		/Bastien/,
		/Léa/
	]);
	// Only people not yet in the team are offered.
	await expect(team.getByRole('combobox', { name: 'Ajouter à Qualité' }).getByRole('option')).toHaveText(['Camille']);
	expect(await seriousViolations(page)).toEqual([]);

	await page.getByRole('link', { name: 'Personnes', exact: true }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Personnes' })).toBeVisible();
	await expect(page.getByRole('row', { name: /Bastien/ })).toContainText('Qualité');
	// Nobody changes their own role.
	await expect(page.getByRole('combobox', { name: 'Rôle de Camille' })).toHaveCount(0);
	await page.getByRole('combobox', { name: 'Rôle de Bastien' }).selectOption({ label: 'Responsable' });
	await page.getByRole('button', { name: 'Enregistrer le rôle de Bastien' }).click();
	await expect(page.getByRole('status')).toHaveText('Rôle de Bastien enregistré.');
	await expect(page.getByRole('combobox', { name: 'Rôle de Bastien' })).toHaveValue('manager');
	expect(await seriousViolations(page)).toEqual([]);
	await owner.context.close();

	// Bastien, now a manager, sees the people page, with no control over the owner.
	const manager = await loggedInPage(browser, app, bastien);
	await gotoReady(manager.page, '/admin');
	const ownerRow = manager.page.getByRole('row', { name: /Camille/ });
	await expect(ownerRow).toContainText('Propriétaire');
	await expect(manager.page.getByRole('combobox', { name: 'Rôle de Camille' })).toHaveCount(0);
	await expect(manager.page.getByRole('button', { name: 'Retirer Camille' })).toHaveCount(0);
	// Over a member, only member or guest: a manager appoints no manager.
	const leaRole = manager.page.getByRole('combobox', { name: 'Rôle de Léa' });
	await expect(leaRole.getByRole('option')).toHaveText(['Membre', 'Invité']);
	await manager.context.close();
});

test('removing a person asks first, then takes them off the list', async ({ app, browser, member }) => {
	await createPerson(app.db, member.organizationId, 'Rosalie');
	const { page, context } = await loggedInPage(browser, app, member);
	await gotoReady(page, '/admin');
	await page.getByRole('button', { name: 'Retirer Rosalie' }).click();
	await expect(page.getByText('Retirer Rosalie de l’organisation ?')).toBeVisible();
	await page.getByRole('button', { name: 'Confirmer le retrait' }).click();
	await expect(page.getByRole('status')).toHaveText('La personne a été retirée de l’organisation.');
	await expect(page.getByRole('row', { name: /Rosalie/ })).toHaveCount(0);
	await context.close();
});
