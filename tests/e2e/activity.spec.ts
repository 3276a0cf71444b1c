import { createColleague, createTestBoard } from '../factories/accounts.ts';
import { addCard, openBoard, titlesIn } from './board-helpers.ts';
import { addCheckIn } from './card-helpers-b.ts';
import { closeCard, moveRightByKeyboard, openCard } from './card-helpers.ts';
import { expect, test } from './fixtures.ts';

test("a card's activity shows, live, who moved it and who recorded a check-in", async ({ app, browser, member }) => {
	const boardId = await createTestBoard(app.db, member, 'Historique');
	const karim = await createColleague(app.db, member, 'Karim');
	const actor = await openBoard(browser, app, karim, boardId);
	const watcher = await openBoard(browser, app, member, boardId);
	const title = 'Tournée du samedi';
	await addCard(actor.page, 'Idées', title);

	// The other person has the card open while Karim works on it.
	const dialog = await openCard(watcher.page, title);
	const lines = dialog.getByRole('region', { name: 'Historique' }).getByRole('listitem');
	await expect(lines).toHaveText([/^Karim a créé la carte dans Idées/]);

	await moveRightByKeyboard(actor.page, title);
	await expect(titlesIn(actor.page, 'Revue')).toHaveText([title]);
	await openCard(actor.page, title);
	await addCheckIn(actor.page, 42, 'En bonne voie');
	await closeCard(actor.page, title);

	// Newest first, in the watcher's language, without reloading.
	await expect(lines).toHaveText([
		/^Karim a relevé 42 \(En bonne voie\)/,
		/^Karim a déplacé la carte d’Idées .* à Revue/,
		/^Karim a créé la carte/
	]);
	await expect(lines.first().locator('time')).toHaveText(/maintenant|il y a/);

	// Someone who reads English sees the same lines in English.
	const english = await openBoard(browser, app, member, boardId, 'en-US');
	await english.page.getByRole('button', { name: title, exact: true }).click();
	const feed = english.page.getByRole('dialog', { name: title }).getByRole('region', { name: 'Activity' });
	await expect(feed.getByRole('listitem')).toHaveText([
		/^Karim recorded 42 \(On track\)/,
		/^Karim moved the card from Ideas.* to Review/,
		/^Karim created the card/
	]);
	await english.context.close();
	await actor.context.close();
	await watcher.context.close();
});
