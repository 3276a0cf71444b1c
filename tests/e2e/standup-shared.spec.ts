import type { Page } from '@playwright/test';
import { moveCard } from '../../src/lib/board/commands.ts';
import { createColleague, createTestBoard } from '../factories/accounts.ts';
import { createPerson } from '../factories/people.ts';
import { until, writeCards } from '../factories/portal.ts';
import { connectClient, whenSynced } from '../factories/yclient.ts';
import { openBoard, seriousViolations } from './board-helpers.ts';
import { createTeam } from './card-helpers-b.ts';
import { expect, gotoReady, loggedInPage, test } from './fixtures.ts';
import { writeStageCards } from './standup-helpers.ts';

const DAY = 86_400_000;

const view = (page: Page) => page.getByRole('dialog', { name: /Point hebdomadaire|Weekly stand-up/ });
const shownTitle = (page: Page) => view(page).getByTestId('standup-card-title');
const position = (page: Page) => view(page).getByTestId('standup-position');
const agenda = (page: Page) => view(page).getByRole('navigation').getByRole('button');

test('facilitator and two followers walk the same agenda, numbers included, and the end reaches all three', async ({
	app,
	browser,
	member
}) => {
	const boardId = await createTestBoard(app.db, member, 'Magasin');
	const sales = await createTeam(app, member, 'Vente');
	await writeStageCards(app, member, boardId, [
		{ title: 'Carte de fidélité', stage: 'review', teamId: sales },
		{ title: 'Hors équipe', stage: 'review' },
		{ title: 'Livraison à vélo', stage: 'ideas', teamId: sales },
		{ title: 'Vitrine de Noël', stage: 'ideas', teamId: sales }
	]);
	const lina = await createColleague(app.db, member, 'Lina');
	const bruno = await createColleague(app.db, member, 'Bruno');

	// The options are chosen once, on the start form: one team, at risk first.
	const facilitator = await loggedInPage(browser, app, member);
	await gotoReady(facilitator.page, `/b/${boardId}/standup`);
	const start = facilitator.page.getByRole('form', { name: 'Lancer le point hebdomadaire' });
	await start.getByRole('checkbox', { name: 'À risque et bloquées d’abord' }).check();
	await start.getByRole('combobox', { name: 'Équipe', exact: true }).selectOption({ label: 'Vente' });
	await start.getByRole('button', { name: 'Lancer', exact: true }).click();
	await expect(facilitator.page).toHaveURL(/\/standup\/[\w-]+$/); // no options in the address
	const walk = [/Carte de fidélité/, /Livraison à vélo/, /Vitrine de Noël/];
	await expect(agenda(facilitator.page)).toHaveText(walk);

	// Two colleagues follow, one in English: the same list, the same card, the same number.
	const followers = [
		await openBoard(browser, app, lina, boardId),
		await openBoard(browser, app, bruno, boardId, 'en-US')
	];
	await followers[0]!.page.getByRole('link', { name: 'Le suivre' }).click();
	await followers[1]!.page.getByRole('link', { name: 'Follow it' }).click();
	for (const { page } of followers) {
		await expect(agenda(page)).toHaveText(walk);
		await expect(shownTitle(page)).toHaveText('Carte de fidélité');
	}
	// Who is here updates live on every screen, without a reload.
	await expect(view(facilitator.page).getByTestId('standup-attendees')).toHaveText(
		/^Présents : Camille, (Lina, Bruno|Bruno, Lina)$/
	);
	await expect(view(followers[0]!.page).getByTestId('standup-attendees')).toContainText('Bruno');

	// The facilitator moves on and records a decision: nobody's list re-sorts or renumbers.
	await view(facilitator.page).getByRole('button', { name: 'Carte suivante' }).click();
	const decision = view(facilitator.page).getByRole('form', { name: 'Décider sur-le-champ' });
	await decision.getByLabel('Décision ou action').fill('Essayer avec un coursier');
	await decision.getByRole('button', { name: 'Noter la décision' }).click();
	await expect(decision.getByRole('status')).toHaveText('Décision notée dans l’historique de la carte.');
	const screens = [facilitator.page, ...followers.map((f) => f.page)];
	for (const page of screens) {
		await expect(shownTitle(page)).toHaveText('Livraison à vélo');
		await expect(agenda(page)).toHaveText(walk);
	}
	await expect(position(facilitator.page)).toHaveText('2 sur 3');
	await expect(position(followers[0]!.page)).toHaveText('2 sur 3');
	await expect(position(followers[1]!.page)).toHaveText('2 of 3');
	// A reload of the facilitator's page keeps the same list and the same card for everyone.
	await facilitator.page.reload();
	await expect(agenda(facilitator.page)).toHaveText(walk);
	await expect(position(facilitator.page)).toHaveText('2 sur 3');
	await expect(shownTitle(followers[0]!.page)).toHaveText('Livraison à vélo');

	// The end reaches everyone at once: clocks stop, and each screen links to the summary.
	await view(facilitator.page).getByRole('button', { name: 'Clore le point' }).click();
	await expect(facilitator.page).toHaveURL(/\/standups\/[\w-]+$/);
	const ended = [
		{ page: followers[0]!.page, text: 'Le point est terminé.', link: 'Voir le compte rendu' },
		{ page: followers[1]!.page, text: 'The stand-up has ended.', link: 'See the summary' }
	];
	for (const { page, text } of ended) {
		await expect(view(page).getByRole('status').filter({ hasText: text })).toBeVisible();
		await expect(view(page).locator('.clock')).toHaveAttribute('data-ended', 'true');
		await expect(shownTitle(page)).toHaveText('Livraison à vélo'); // no jump back to card 1
	}
	expect(await seriousViolations(followers[0]!.page)).toEqual([]);
	await view(followers[1]!.page).getByRole('link', { name: 'See the summary' }).click();
	await expect(followers[1]!.page).toHaveURL(facilitator.page.url());
	await expect(followers[1]!.page.getByRole('button', { name: 'Print' })).toBeVisible(); // the reader's language
	expect(await seriousViolations(followers[1]!.page)).toEqual([]);
	for (const { context } of [facilitator, ...followers]) await context.close();
});

test('a stand-up of 30 cards fits the time box: the expected duration shows before starting', async ({
	app,
	browser,
	member
}) => {
	const boardId = await createTestBoard(app.db, member, 'Trente');
	const titles = Array.from({ length: 30 }, (_, i) => `Initiative ${String(i + 1).padStart(2, '0')}`);
	const ids = await writeStageCards(
		app,
		member,
		boardId,
		titles.map((title) => ({ title, stage: 'ideas' })),
		10
	);
	// Nothing happened to them this week, except three that moved on.
	await until(
		async () => (await app.db.selectFrom('card').select('id').where('board_id', '=', boardId).execute()).length === 30,
		'the projection of the 30 cards'
	);
	await app.db.deleteFrom('card_event').where('board_id', '=', boardId).execute();
	await app.db
		.updateTable('card')
		.set({ updated_at: Date.now() - 10 * DAY })
		.where('board_id', '=', boardId)
		.execute();
	const client = connectClient(app.server.url, boardId, member.cookie);
	await whenSynced(client);
	client.doc.transact(() => ids.slice(0, 3).forEach((id, i) => moveCard(client.doc, id, 'review', `a${i}`)));
	await until(
		async () =>
			(
				await app.db
					.selectFrom('card_event')
					.select('id')
					.where('board_id', '=', boardId)
					.where('kind', '=', 'moved')
					.execute()
			).length === 3,
		'the three moves logged'
	);
	client.destroy();

	// The board's settings: 30 s per card, 15 minutes in all.
	const { page, context } = await loggedInPage(browser, app, member);
	await gotoReady(page, `/b/${boardId}/settings`);
	await page.getByRole('spinbutton', { name: 'Temps par carte (secondes)' }).fill('30');
	await page.getByRole('spinbutton', { name: 'Durée du point (minutes)' }).fill('15');
	await page.getByRole('spinbutton', { name: 'Durée du point (minutes)' }).press('Enter');
	await expect
		.poll(
			async () =>
				(await app.db.selectFrom('board').select('standup_time_box').where('id', '=', boardId).executeTakeFirst())
					?.standup_time_box
		)
		.toBe(30);

	await gotoReady(page, `/b/${boardId}/standup`);
	const expected = page.getByTestId('standup-expected');
	await expect(expected).toHaveText('30 cartes : environ 15 min (durée prévue 15 min).');
	await page.getByRole('radio', { name: 'Seulement les cartes à surveiller ou qui ont changé' }).check();
	await expect(expected).toHaveText('3 cartes : environ 2 min (durée prévue 15 min).');
	await page.getByRole('button', { name: 'Lancer', exact: true }).click();
	await expect(agenda(page)).toHaveText([/Initiative 01/, /Initiative 02/, /Initiative 03/]);
	await context.close();
});

test('guest feedback since the last stand-up shows the client’s company and words', async ({
	app,
	browser,
	member
}) => {
	const boardId = await createTestBoard(app.db, member, 'Boutique');
	const sharing = { mode: 'companies' as const, companies: ['Épicerie Dupont'] };
	const [cardId] = await writeCards(app.server.url, app.db, member, boardId, [{ title: 'Sachets kraft', sharing }]);
	const guest = await createPerson(app.db, member.organizationId, 'Gaspard', 'guest', 'Épicerie Dupont');
	const sent = await fetch(`${app.server.url}/portal/${boardId}?/feedback`, {
		method: 'POST',
		headers: { Origin: app.server.url, Cookie: guest.cookie, 'Content-Type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams({ cardId: cardId!, kind: 'fails', text: 'Trop cher pour nous' })
	});
	expect(sent.status).toBe(200);

	const { page, context } = await loggedInPage(browser, app, member);
	await gotoReady(page, `/b/${boardId}/standup`);
	await page
		.getByRole('form', { name: 'Lancer le point hebdomadaire' })
		.getByRole('button', { name: 'Lancer', exact: true })
		.click();
	await expect(view(page).getByTestId('standup-changes')).toContainText(
		'Retour d’Épicerie Dupont : « Trop cher pour nous »'
	);
	await expect(view(page).getByTestId('standup-changes')).not.toContainText('invité');
	await context.close();
});
