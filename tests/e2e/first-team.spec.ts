import { createColleague, createTestBoard } from '../factories/accounts.ts';
import { addCard, openBoard } from './board-helpers.ts';
import { openCard, section } from './card-helpers.ts';
import { expect, test } from './fixtures.ts';

test('a new organisation creates its first team from the Scope section; a member is told whom to ask', async ({
	app,
	browser,
	member
}) => {
	const boardId = await createTestBoard(app.db, member, 'Première équipe');
	const colleague = await createColleague(app.db, member, 'Margot');

	// A member cannot create teams: the section names the owners and managers to ask.
	const other = await openBoard(browser, app, colleague, boardId);
	await addCard(other.page, 'Idées & signaux', 'Vente en vrac');
	const seen = section(await openCard(other.page, 'Vente en vrac'), 'Périmètre');
	await expect(seen).toContainText('Demandez à un responsable de la créer : Camille.');
	await expect(seen.getByRole('button', { name: 'Créer l’équipe' })).toHaveCount(0);
	await other.context.close();

	// The owner creates it where the gate needs it; it becomes the initiative's owning team at once.
	const { page, context } = await openBoard(browser, app, member, boardId);
	const scope = section(await openCard(page, 'Vente en vrac'), 'Périmètre');
	await scope.getByRole('textbox', { name: 'Nom de la nouvelle équipe' }).fill('Boutique');
	await scope.getByRole('button', { name: 'Créer l’équipe' }).click();
	await expect(scope.getByRole('combobox', { name: 'Équipe porteuse' })).toHaveValue(/.+/);
	await expect(scope.getByRole('combobox', { name: 'Équipe porteuse' }).locator('option:checked')).toHaveText(
		'Boutique'
	);
	const team = await app.db
		.selectFrom('team')
		.select('name')
		.where('organization_id', '=', member.organizationId)
		.execute();
	expect(team.map((t) => t.name)).toEqual(['Boutique']);
	await context.close();
});
