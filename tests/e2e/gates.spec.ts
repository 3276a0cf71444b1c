import { createColleague, createTestBoard } from '../factories/accounts.ts';
import { connectClient, whenSynced } from '../factories/yclient.ts';
import { moveCard } from '../../src/lib/board/commands.ts';
import { cardsMap } from '../../src/lib/board/schema.ts';
import { addCard, column, openBoard, titlesIn } from './board-helpers.ts';
import { expect, test } from './fixtures.ts';

test('a refused move names what is missing, in French and in English, and links to the section', async ({
	app,
	browser,
	member
}) => {
	const boardId = await createTestBoard(app.db, member, 'Portes');
	const colleague = await createColleague(app.db, member, 'Margot');
	const fr = await openBoard(browser, app, colleague, boardId);
	await addCard(fr.page, 'Revue', 'Circuit court');

	// A drag is refused: the card stays, and the dialog says exactly what is missing.
	await fr.page.getByRole('button', { name: 'Circuit court' }).dragTo(column(fr.page, 'Objectif'));
	const refusal = fr.page.getByRole('alertdialog');
	await expect(refusal).toContainText('« Circuit court » ne peut pas encore passer en Objectif');
	await expect(refusal.getByRole('listitem')).toHaveText([/au moins une force \(Revue\)/, /au moins une difficulté/]);
	await expect(refusal.getByRole('button', { name: 'Forcer le passage' })).toHaveCount(0); // members cannot force
	await expect(titlesIn(fr.page, 'Revue')).toHaveText(['Circuit court']);

	// "Fill in" opens the card at the section that fills it.
	await refusal.getByRole('link', { name: /Compléter.*au moins une force/ }).click();
	await expect(fr.page).toHaveURL(/\/c\/[\w-]+#review$/);
	await expect(fr.page.getByRole('dialog', { name: 'Circuit court' })).toBeVisible();

	// The same refusal by keyboard, for someone who reads English.
	const en = await openBoard(browser, app, colleague, boardId, 'en-US');
	await en.page.getByRole('button', { name: 'Circuit court' }).focus();
	for (const key of ['Space', 'ArrowRight', 'Space']) await en.page.keyboard.press(key);
	const refusalEn = en.page.getByRole('alertdialog');
	await expect(refusalEn).toContainText('“Circuit court” cannot move to Objective yet');
	await expect(refusalEn.getByRole('listitem')).toHaveText([
		/at least one strength \(Review\)/,
		/at least one difficulty/
	]);
	await refusalEn.getByRole('button', { name: 'Close' }).click();
	await expect(titlesIn(en.page, 'Review')).toHaveText(['Circuit court']);
	await fr.context.close();
	await en.context.close();
});

test('a manager forces a gate with a written reason, recorded on the card and seen live', async ({
	app,
	browser,
	member
}) => {
	const boardId = await createTestBoard(app.db, member, 'Forçage');
	const manager = await openBoard(browser, app, member, boardId); // the board's owner
	const colleague = await openBoard(browser, app, await createColleague(app.db, member, 'Hugo'), boardId);
	await addCard(manager.page, 'Revue', 'Gamme éphémère');

	await manager.page.getByRole('button', { name: 'Gamme éphémère' }).dragTo(column(manager.page, 'Objectif'));
	const refusal = manager.page.getByRole('alertdialog');
	const reason = refusal.getByRole('textbox', { name: 'Raison, enregistrée sur la carte' });
	await reason.fill('Pressé');
	await refusal.getByRole('button', { name: 'Forcer le passage' }).click();
	await expect(refusal.getByRole('alert')).toHaveText('Donnez une raison d’au moins 10 caractères.');
	await reason.fill('Test client déjà lancé par la direction');
	await refusal.getByRole('button', { name: 'Forcer le passage' }).click();
	await expect(titlesIn(colleague.page, 'Objectif')).toHaveText(['Gamme éphémère']);

	await colleague.page.getByRole('button', { name: 'Gamme éphémère' }).click();
	await expect(colleague.page.getByTestId('gate-override')).toContainText(
		/a forcé le passage de Revue à Objectif le .* : « Test client déjà lancé par la direction »/
	);
	// The server accepted the override: no flag comes back.
	await colleague.page.waitForTimeout(1500);
	await expect(colleague.page.getByTestId('gate-flag')).toHaveCount(0);
	await manager.context.close();
	await colleague.context.close();
});

test('a move that bypasses the gates from outside the app is flagged on the card', async ({ app, browser, member }) => {
	const boardId = await createTestBoard(app.db, member, 'Contournement');
	const colleague = await createColleague(app.db, member, 'Inès');
	const { page, context } = await openBoard(browser, app, member, boardId);
	await addCard(page, 'Idées', 'Audit fournisseurs');

	// A member's own client writes the move straight into the document: the CRDT cannot refuse it.
	const raw = connectClient(app.server.url, boardId, colleague.cookie);
	await whenSynced(raw);
	const [cardId] = [...cardsMap(raw.doc).keys()];
	moveCard(raw.doc, cardId ?? '', 'scope', 'a0');
	await expect(titlesIn(page, 'Périmètre')).toHaveText(['Audit fournisseurs']);
	const tile = column(page, 'Périmètre').getByRole('button', { name: 'Audit fournisseurs' });
	await expect(tile.getByTestId('badge-flagged')).toHaveText('Critères non remplis');
	await tile.click();
	await expect(page.getByTestId('gate-flag')).toContainText(
		'Passage d’Idées & signaux à Périmètre sans les critères ni forçage valide'
	);
	await expect(page.getByTestId('gate-flag')).toContainText('par Inès');
	raw.destroy();
	await context.close();
});
