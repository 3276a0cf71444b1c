import { fileURLToPath } from 'node:url';
import { createColleague, createTestBoard } from '../factories/accounts.ts';
import { column, openBoard, seriousViolations, titlesIn } from './board-helpers.ts';
import { expect, test } from './fixtures.ts';

const SMALL = fileURLToPath(new URL('../fixtures/trello/small-board.json', import.meta.url));

test('an owner previews a Trello export, changes where a list goes, imports; a colleague sees the cards arrive', async ({
	app,
	browser,
	member
}) => {
	const boardId = await createTestBoard(app.db, member, 'Depuis Trello');
	const owner = await openBoard(browser, app, member, boardId);
	const colleague = await openBoard(browser, app, await createColleague(app.db, member, 'Lina'), boardId);

	await owner.page.getByRole('link', { name: 'Import et export' }).click();
	const transfer = owner.page.getByRole('dialog', { name: 'Import et export' });
	await expect(transfer.getByRole('link', { name: 'Initiatives en tableur (CSV)' })).toBeVisible();
	expect(await seriousViolations(owner.page)).toEqual([]);
	await transfer.getByRole('link', { name: 'Importer depuis Trello' }).click();

	const dialog = owner.page.getByRole('dialog', { name: 'Importer depuis Trello' });
	await dialog.getByLabel('Export JSON d’un tableau Trello').setInputFiles(SMALL);
	await dialog.getByRole('button', { name: 'Aperçu' }).click();
	await expect(
		dialog.getByText('Atelier — améliorations 2025 : 5 cartes, 2 commentaires, 2 checklists.')
	).toBeVisible();
	// The guesses from the list names, and the members nobody here matches.
	const review = dialog.getByRole('combobox', { name: 'À étudier (1)' });
	await expect(review).toHaveValue('review');
	await expect(dialog.getByRole('combobox', { name: 'En cours (1)' })).toHaveValue('rollout');
	await expect(dialog.getByText(/Yann Le Goff : personne avec cet e-mail ici/)).toBeVisible();
	await expect(colleague.page.getByRole('button', { name: 'Réduire le temps de chauffe du four' })).toHaveCount(0);
	expect(await seriousViolations(owner.page)).toEqual([]);

	await review.selectOption({ label: 'Périmètre' });
	await dialog.getByRole('button', { name: 'Importer', exact: true }).click();
	await expect(dialog.getByRole('status')).toHaveText('5 cartes importées.');

	await expect(titlesIn(colleague.page, 'Périmètre')).toHaveText(['Réduire le temps de chauffe du four']);
	await expect(titlesIn(colleague.page, 'Déploiement')).toHaveText(['Consigne des bocaux']);
	await expect(column(colleague.page, 'Idées & signaux').getByText('Carte de fidélité numérique')).toBeVisible();
});

test('a malformed file is refused with the field named, and the board is unchanged', async ({
	app,
	browser,
	member
}) => {
	const boardId = await createTestBoard(app.db, member, 'Intact');
	const owner = await openBoard(browser, app, member, boardId);
	await owner.page.goto(`/b/${boardId}/transfer/trello`);
	const dialog = owner.page.getByRole('dialog', { name: 'Importer depuis Trello' });
	await dialog.getByLabel('Export JSON d’un tableau Trello').setInputFiles({
		name: 'trello.json',
		mimeType: 'application/json',
		buffer: Buffer.from(JSON.stringify({ name: 'Cassé', lists: [{ id: 'l1' }], cards: [] }))
	});
	await dialog.getByRole('button', { name: 'Aperçu' }).click();
	await expect(dialog.getByRole('alert')).toHaveText(
		'Le fichier n’est pas un export de tableau Trello (champ « lists.0.name ») : rien n’a changé.'
	);
});
