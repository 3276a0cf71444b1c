import type { Page } from '@playwright/test';
import { createColleague, createTestBoard } from '../factories/accounts.ts';
import { openBoard, seriousViolations } from './board-helpers.ts';
import { addCheckIn, createTeam, writeRolloutCard } from './card-helpers-b.ts';
import { expect, gotoReady, loggedInPage, test } from './fixtures.ts';
import { writeStageCards } from './standup-helpers.ts';

const view = (page: Page) => page.getByRole('dialog', { name: /Point hebdomadaire|Weekly stand-up/ });
const shownTitle = (page: Page) => view(page).getByTestId('standup-card-title');

test('a manager runs the stand-up, a colleague follows on their own screen, and the record stays', async ({
	app,
	browser,
	member
}) => {
	const boardId = await createTestBoard(app.db, member, 'Boutique');
	const teamId = await createTeam(app, member, 'Vente');
	const rollout = await writeRolloutCard(app, member, boardId, 'Vrac en boutique', teamId);
	const [fidelity, bike] = await writeStageCards(app, member, boardId, [
		{ title: 'Carte de fidélité', stage: 'review' },
		{ title: 'Livraison à vélo', stage: 'ideas' }
	]);
	const lina = await createColleague(app.db, member, 'Lina');

	const manager = await loggedInPage(browser, app, member);
	await gotoReady(manager.page, `/b/${boardId}/standup`);
	await manager.page.getByRole('button', { name: 'Lancer', exact: true }).click();
	await expect(manager.page).toHaveURL(/\/standup\/[\w-]+$/);
	// Right to left: Rollout first, then Review, then Ideas.
	await expect(view(manager.page).getByRole('navigation').getByRole('button')).toHaveText([
		/Vrac en boutique/,
		/Carte de fidélité/,
		/Livraison à vélo/
	]);
	await expect(shownTitle(manager.page)).toHaveText(rollout.title);

	// Lina opens the board during the stand-up, in English: the board offers to follow it.
	const follower = await openBoard(browser, app, lina, boardId, 'en-US');
	await follower.page.getByRole('link', { name: 'Follow it' }).click();
	await expect(shownTitle(follower.page)).toHaveText(rollout.title);
	await expect(view(follower.page).getByText('Led by Camille')).toBeVisible();

	// The facilitator moves on: the follower's screen follows.
	await view(manager.page).getByRole('button', { name: 'Carte suivante' }).click();
	await expect(shownTitle(follower.page)).toHaveText('Carte de fidélité');
	await view(manager.page).getByRole('button', { name: 'Carte suivante' }).click();
	await expect(shownTitle(follower.page)).toHaveText('Livraison à vélo');

	// Acting on the spot: a decision with an owner and a due date, and a move (gates apply).
	const decision = view(manager.page).getByRole('form', { name: 'Décider sur-le-champ' });
	await decision.getByLabel('Décision ou action').fill('Tester avec deux coursiers');
	await decision.getByLabel('Responsable').selectOption({ label: 'Lina' });
	await decision.getByLabel('Échéance').fill('2030-01-15');
	await decision.getByRole('button', { name: 'Noter la décision' }).click();
	await expect(decision.getByRole('status')).toHaveText('Décision notée dans l’historique de la carte.');
	await expect(view(manager.page).getByTestId('standup-decisions')).toContainText('Tester avec deux coursiers · Lina');
	await view(manager.page).getByRole('button', { name: 'Passer en Revue →' }).click();
	await expect(view(follower.page).getByRole('navigation').getByRole('button').nth(2)).toContainText('Review');

	// Back to the rollout card: a check-in, seen in "since the last stand-up" for both.
	await view(manager.page)
		.getByRole('navigation')
		.getByRole('button', { name: /Vrac en boutique/ })
		.click();
	await expect(shownTitle(follower.page)).toHaveText(rollout.title);
	await addCheckIn(view(manager.page), rollout.checkIn.value + 1, 'En bonne voie');
	await expect(view(manager.page).getByTestId('standup-changes')).toContainText('a fait un point d’étape');
	await expect(view(follower.page).getByTestId('standup-changes')).toContainText('checked in');

	await expect(view(manager.page).getByTestId('standup-attendees')).toHaveText('Présents : Camille, Lina');
	await view(manager.page).getByRole('button', { name: 'Clore le point' }).click();
	await expect(manager.page).toHaveURL(/\/standups\/[\w-]+$/);
	// The facilitator's timer sent the time of each card left on the way (the close form carries only the last).
	const timed = async () => (await app.db.selectFrom('standup_card').select('card_id').execute()).map((r) => r.card_id);
	await expect.poll(timed).toEqual(expect.arrayContaining([fidelity, bike]));
	const summary = manager.page.getByRole('article');
	await expect(summary.getByRole('heading', { level: 1 })).toContainText('Boutique — point hebdomadaire');
	await expect(summary).toContainText('Tester avec deux coursiers');
	await expect(summary).toContainText('Lina');
	const download = manager.page.waitForEvent('download');
	await manager.page.getByRole('link', { name: 'Télécharger en Markdown' }).click();
	const markdown = await (await download).createReadStream();
	let text = '';
	for await (const chunk of markdown) text += String(chunk);
	expect(text).toContain('| Tester avec deux coursiers |');

	// Afterwards: the decision is in the card's history, and the stand-up in the board's.
	await gotoReady(manager.page, `/b/${boardId}/c/${bike}`);
	await expect(manager.page.getByTestId('card-activity')).toContainText(
		'Camille a noté une décision : « Tester avec deux coursiers »'
	);
	await gotoReady(manager.page, `/b/${boardId}/standup`);
	await expect(manager.page.getByText(/1 décision/)).toBeVisible();
	await manager.context.close();
	await follower.context.close();
});

test('the card timer gives a quiet cue past the time box, and the view passes axe', async ({
	app,
	browser,
	member
}) => {
	const boardId = await createTestBoard(app.db, member, 'Atelier');
	await writeStageCards(app, member, boardId, [{ title: 'Réparer sur place', stage: 'ideas' }]);
	await app.db.updateTable('board').set({ standup_time_box: 2 }).where('id', '=', boardId).execute();
	const { page, context } = await loggedInPage(browser, app, member, 'en-US');
	await gotoReady(page, `/b/${boardId}/standup`);
	await page.getByRole('button', { name: 'Start', exact: true }).click();
	const cardTime = view(page).getByTestId('standup-card-time');
	await expect(cardTime).toHaveAttribute('data-over', 'false');
	await expect(cardTime).toHaveAttribute('data-over', 'true', { timeout: 5000 });
	await expect(cardTime).toContainText('over time');
	expect(await seriousViolations(page)).toEqual([]);
	await context.close();
});
