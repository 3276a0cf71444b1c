import type { Browser, Locator, Page } from '@playwright/test';
import { createColleague, createTestBoard, type Member } from '../factories/accounts.ts';
import { openBoard } from './board-helpers.ts';
import { closeCard, openCard } from './card-helpers.ts';
import { expect, test, type App } from './fixtures.ts';
import { expectRow, seedTeams, writeTeamCards } from './team-helpers.ts';

const headerLink = (page: Page) =>
	page.getByRole('navigation', { name: /./ }).getByRole('link', { name: /^Notifications/ });
const helpBadge = (page: Page, title: string) =>
	page.getByRole('button', { name: title, exact: true }).getByTestId('badge-help');
const commentBy = (dialog: Locator, label: string) =>
	dialog.getByTestId('comments').getByRole('article', { name: label });

/** Camille (Ventes) opens her card "Vrac en boutique" on a new board where Bruno is in Logistique. */
async function openVracCard(app: App, browser: Browser, member: Member, boardName: string) {
	const bruno = await createColleague(app.db, member, 'Bruno');
	const teams = await seedTeams(app, member, { Ventes: [member], Logistique: [bruno] });
	const boardId = await createTestBoard(app.db, member, boardName);
	await writeTeamCards(app, member, boardId, [{ title: 'Vrac en boutique', teamId: teams.Ventes! }]);
	const { context, page } = await openBoard(browser, app, member, boardId);
	return { context, page, card: await openCard(page, 'Vrac en boutique') };
}

/** Asks Logistique for help from an open card (in French); the request shows, waiting. */
async function askLogistique(card: Locator, question: string): Promise<Locator> {
	const help = card.getByTestId('help');
	await help.getByRole('combobox', { name: 'Équipe' }).selectOption({ label: 'Logistique' });
	await help.getByRole('textbox', { name: 'Votre question' }).fill(question);
	await help.getByRole('button', { name: 'Demander de l’aide' }).click();
	await expect(help.getByTestId('help-request')).toContainText('Aide demandée à Logistique');
	await expect(help.getByTestId('help-request')).toContainText('en attente de réponse');
	return help;
}

test('a colleague from another team is asked for help, sees it live, answers by replying, and it closes for both', async ({
	app,
	browser,
	member
}) => {
	// Camille (Ventes, French) owns the card; Bruno (Logistique, English) is the team asked.
	const bruno = await createColleague(app.db, member, 'Bruno');
	const teams = await seedTeams(app, member, { Ventes: [member], Logistique: [bruno] });
	const boardId = await createTestBoard(app.db, member, 'Entraide');
	const [cardId] = await writeTeamCards(app, member, boardId, [{ title: 'Vrac en boutique', teamId: teams.Ventes! }]);
	const a = await openBoard(browser, app, member, boardId);
	const b = await openBoard(browser, app, bruno, boardId, 'en-US');
	await expect(headerLink(b.page)).toHaveAccessibleName('Notifications');

	const mine = await openCard(a.page, 'Vrac en boutique');
	await askLogistique(mine, 'Pouvez-vous livrer les bocaux le mardi ?');
	await closeCard(a.page, 'Vrac en boutique');
	await expect(helpBadge(a.page, 'Vrac en boutique')).toHaveText('Aide demandée à Logistique');

	// Bruno: the badge on the card face at once, the header count at its next poll (every 15 s).
	await expect(helpBadge(b.page, 'Vrac en boutique')).toHaveText('Help asked of Logistique');
	await expect(headerLink(b.page)).toHaveAccessibleName('Notifications (1 unread)', { timeout: 20_000 });
	await headerLink(b.page).click();
	const item = b.page.getByRole('list', { name: 'Your notifications, newest first' }).getByRole('listitem');
	await expect(item).toHaveCount(1);
	await expect(item).toContainText('Pouvez-vous livrer les bocaux le mardi ?');
	const link = item.getByRole('link', { name: 'Camille asks your team for help on “Vrac en boutique”' });
	await expect(link).toHaveAttribute('href', `/b/${boardId}/c/${cardId}`);
	await link.click();
	const again = await openCard(a.page, 'Vrac en boutique'); // Camille follows the card, open

	// He answers by replying to the question: the request closes, for him and for Camille, live.
	const theirs = b.page.getByRole('dialog', { name: 'Vrac en boutique' });
	const question = commentBy(theirs, 'Comment by Camille');
	await expect(question).toContainText('Pouvez-vous livrer les bocaux le mardi ?');
	await question.getByRole('button', { name: 'Reply' }).click();
	await theirs.getByRole('textbox', { name: 'Your reply' }).fill('Oui, dès mardi prochain.');
	await theirs.getByRole('button', { name: 'Send the reply' }).click();
	await expect(commentBy(theirs, 'Comment by Bruno')).toContainText('Oui, dès mardi prochain.');
	await expect(theirs.getByTestId('help-request')).toContainText('answered');

	await expect(again.getByTestId('help-request')).toContainText('répondu');
	await expect(commentBy(again, 'Commentaire de Bruno')).toContainText('Oui, dès mardi prochain.');
	await closeCard(a.page, 'Vrac en boutique');
	await expect(a.page.getByRole('button', { name: 'Vrac en boutique', exact: true })).toBeVisible();
	await expect(helpBadge(a.page, 'Vrac en boutique')).toHaveCount(0);
	await theirs.getByRole('button', { name: 'Close', exact: true }).click();
	await expect(theirs).toHaveCount(0);
	await expect(helpBadge(b.page, 'Vrac en boutique')).toHaveCount(0);

	// On the board's map, Camille (the organisation's owner) sees Logistique's reply and answered request.
	await a.page.getByRole('link', { name: 'Carte des contributions' }).click();
	const map = a.page.getByRole('dialog', { name: 'Carte des contributions' });
	await expectRow(map, 'Logistique', ['—', '2 au total : 1 commentaires, 1 aides, 0 signaux']);
	await expectRow(map, 'Ventes', ['0 au total : 0 commentaires, 0 aides, 0 signaux', '—']);
	for (const x of [a, b]) await x.context.close();
});

test('the asker closes a request no longer needed: it shows closed, and the badge leaves the card face', async ({
	app,
	browser,
	member
}) => {
	const a = await openVracCard(app, browser, member, 'Entraide');
	const help = await askLogistique(a.card, 'Avez-vous des bocaux en stock ?');
	await help.getByRole('button', { name: 'Clore', exact: true }).click();
	await expect(help.getByTestId('help-request')).toContainText('close');
	await expect(help.getByRole('button', { name: 'Clore', exact: true })).toHaveCount(0);
	await closeCard(a.page, 'Vrac en boutique');
	await expect(helpBadge(a.page, 'Vrac en boutique')).toHaveCount(0);
	await a.context.close();
});

test('a help request typed offline is kept, with a plain word that it needs the network, and sent once back online', async ({
	app,
	browser,
	member
}) => {
	const { context, card } = await openVracCard(app, browser, member, 'Entraide hors ligne');
	const help = card.getByTestId('help');
	const question = help.getByRole('textbox', { name: 'Votre question' });

	await context.setOffline(true);
	await help.getByRole('combobox', { name: 'Équipe' }).selectOption({ label: 'Logistique' });
	await question.fill('Pouvez-vous livrer mardi ?');
	await help.getByRole('button', { name: 'Demander de l’aide' }).click();
	await expect(help.getByRole('alert')).toHaveText(/Vous êtes hors ligne : cette action a besoin du réseau/);
	await expect(question).toHaveValue('Pouvez-vous livrer mardi ?');
	await expect(help.getByTestId('help-request')).toHaveCount(0);

	await context.setOffline(false);
	await help.getByRole('button', { name: 'Demander de l’aide' }).click();
	await expect(help.getByTestId('help-request')).toContainText('Aide demandée à Logistique');
	await expect(help.getByTestId('help-request')).toHaveCount(1);
	await context.close();
});
