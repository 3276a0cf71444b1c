import type { Locator } from '@playwright/test';
import { createColleague, createTestBoard } from '../factories/accounts.ts';
import { openBoard, seriousViolations } from './board-helpers.ts';
import { closeCard, openCard } from './card-helpers.ts';
import { expect, gotoReady, loggedInPage, test } from './fixtures.ts';
import { expectRow, seedTeams, writeTeamCards } from './team-helpers.ts';

const fr = (total: number, comments: number, signals: number) =>
	`${total} au total : ${comments} commentaires, 0 aides, ${signals} signaux`;
const en = (total: number, comments: number, signals: number) =>
	`${total} in all: ${comments} comments, 0 help answers, ${signals} signals`;

async function comment(dialog: Locator, body: string) {
	const area = dialog.getByTestId('comments');
	await area.getByRole('textbox', { name: 'Votre commentaire' }).fill(body);
	await area.getByRole('button', { name: 'Commenter' }).click();
	await expect(area.getByText(body)).toBeVisible();
}

test('a manager sees on the board and organisation maps which teams help which, updated live, in French and English', async ({
	app,
	browser,
	member
}) => {
	// Camille (owner, Ventes) manages; Bruno is in Logistique, Chloé in Atelier (she never contributes).
	const bruno = await createColleague(app.db, member, 'Bruno');
	const chloe = await createColleague(app.db, member, 'Chloé');
	const teams = await seedTeams(app, member, { Atelier: [chloe], Logistique: [bruno], Ventes: [member] });
	const boardId = await createTestBoard(app.db, member, 'Entraide');
	await writeTeamCards(app, member, boardId, [
		{ title: 'Vrac en boutique', teamId: teams.Ventes! },
		{ title: 'Tournée à vélo', teamId: teams.Logistique! },
		{ title: 'Atelier réparation', teamId: teams.Atelier! }
	]);

	// Contributions across team lines: Bruno comments and records a signal on Ventes' card, Camille
	// comments on Logistique's. Her comment on her own team's card does not count.
	const a = await openBoard(browser, app, member, boardId);
	const b = await openBoard(browser, app, bruno, boardId);
	let card = await openCard(b.page, 'Vrac en boutique');
	await comment(card, 'La logistique peut livrer le vrac');
	await card.getByRole('textbox', { name: 'Ce qui a été observé' }).fill('Les clients demandent des sacs en tissu');
	await card.getByRole('button', { name: 'Enregistrer le signal' }).click();
	await expect(card.getByText('Les clients demandent des sacs en tissu')).toBeVisible();
	await closeCard(b.page, 'Vrac en boutique');
	card = await openCard(a.page, 'Tournée à vélo');
	await comment(card, 'Les ventes peuvent annoncer la tournée');
	await closeCard(a.page, 'Tournée à vélo');
	card = await openCard(a.page, 'Vrac en boutique');
	await comment(card, 'Merci, on s’organise');
	await closeCard(a.page, 'Vrac en boutique');

	// The board's map (French): rows give, columns receive (Atelier, Logistique, Ventes).
	await a.page.getByRole('link', { name: 'Carte des contributions' }).click();
	const boardMap = a.page.getByRole('dialog', { name: 'Carte des contributions' });
	await expect(boardMap.getByRole('columnheader', { name: 'Équipe contributrice' })).toBeVisible();
	await expectRow(boardMap, 'Atelier', ['—', fr(0, 0, 0), fr(0, 0, 0)]);
	await expectRow(boardMap, 'Logistique', [fr(0, 0, 0), '—', fr(2, 1, 1)]);
	await expectRow(boardMap, 'Ventes', [fr(0, 0, 0), fr(1, 1, 0), '—']);
	await expect(boardMap.getByRole('heading', { name: 'Initiatives sans apport extérieur' })).toBeVisible();
	await expect(boardMap.getByRole('listitem')).toHaveText(['Atelier réparation']);

	// Bruno comments again: the open map follows without a reload.
	card = await openCard(b.page, 'Vrac en boutique');
	await comment(card, 'Et nous reprenons les bocaux vides');
	await expectRow(boardMap, 'Logistique', [fr(0, 0, 0), '—', fr(3, 2, 1)]);

	// The organisation's map sits in the administration area; its old address still leads there.
	await boardMap.getByRole('link', { name: 'Voir la carte de toute l’organisation' }).click();
	await expect(a.page).toHaveURL(/\/admin\/map$/);
	await expect(
		a.page.getByRole('navigation', { name: 'Administration' }).getByRole('link', { name: 'Carte des contributions' })
	).toHaveAttribute('aria-current', 'page');
	await expect(a.page.getByRole('heading', { level: 1 })).toHaveText('Carte des contributions · Camille SARL');
	await expectRow(a.page, 'Logistique', [fr(0, 0, 0), '—', fr(3, 2, 1)]);
	expect(await seriousViolations(a.page)).toEqual([]);

	const english = await loggedInPage(browser, app, member, 'en-US');
	await gotoReady(english.page, '/map');
	await expect(english.page).toHaveURL(/\/admin\/map$/);
	await expect(english.page.getByRole('heading', { level: 1 })).toHaveText('Contribution map · Camille SARL');
	await expect(english.page.getByRole('columnheader', { name: 'Contributing team' })).toBeVisible();
	await expectRow(english.page, 'Logistique', [en(0, 0, 0), '—', en(3, 2, 1)]);
	await expectRow(english.page, 'Ventes', [en(0, 0, 0), en(1, 1, 0), '—']);
	await expect(english.page.getByRole('heading', { name: 'Initiatives with no outside input' })).toBeVisible();

	// Bruno comments on the Atelier's card: both organisation maps follow, and it is no longer isolated.
	await closeCard(b.page, 'Vrac en boutique');
	card = await openCard(b.page, 'Atelier réparation');
	await comment(card, 'On peut prêter la camionnette');
	await expectRow(english.page, 'Logistique', [en(1, 1, 0), '—', en(3, 2, 1)]);
	await expectRow(a.page, 'Logistique', [fr(1, 1, 0), '—', fr(3, 2, 1)]);
	await expect(english.page.getByText('Every initiative has had input from another team.')).toBeVisible();
	for (const x of [a, b, english]) await x.context.close();
});
