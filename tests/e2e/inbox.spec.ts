import { createColleague, createTestBoard } from '../factories/accounts.ts';
import { writeCards } from '../factories/portal.ts';
import { newId } from '../../src/lib/server/ids.ts';
import { openBoard } from './board-helpers.ts';
import { openCard } from './card-helpers.ts';
import { expect, gotoReady, loggedInPage, test } from './fixtures.ts';

const headerLink = (page: import('@playwright/test').Page) =>
	page.getByRole('navigation', { name: /./ }).getByRole('link', { name: /^Notifications/ });

test('a mention typed with the autocomplete reaches the other person’s header count and inbox live', async ({
	app,
	browser,
	member
}) => {
	const bruno = await createColleague(app.db, member, 'Bruno Lefèvre');
	const boardId = await createTestBoard(app.db, member, 'Conversation');
	const [cardId] = await writeCards(app.server.url, app.db, member, boardId, [
		{ title: 'Vrac en boutique', stage: 'ideas' }
	]);
	const b = await loggedInPage(browser, app, bruno);
	await gotoReady(b.page, '/boards');
	await expect(headerLink(b.page)).toHaveAccessibleName('Notifications');

	const a = await openBoard(browser, app, member, boardId);
	const dialog = await openCard(a.page, 'Vrac en boutique');
	// The autocomplete: Escape closes the list (not the card), a new '@' opens it, Enter inserts the handle.
	const box = dialog.getByRole('textbox', { name: 'Votre commentaire' });
	const suggestions = dialog.getByRole('listbox', { name: 'Personnes et équipes à mentionner' });
	await box.pressSequentially('Un avis @bru');
	await expect(suggestions.getByRole('option')).toHaveText([/Bruno Lefèvre/]);
	await expect(box).toHaveAttribute('aria-activedescendant', /.+/);
	await box.press('Escape');
	await expect(suggestions).toBeHidden();
	await expect(dialog).toBeVisible();
	await box.press('Backspace');
	await box.press('Backspace');
	await box.press('Backspace');
	await box.press('Backspace');
	await box.pressSequentially('@BRU');
	await expect(suggestions.getByRole('option', { name: /Bruno Lefèvre/ })).toHaveAttribute('aria-selected', 'true');
	await box.press('Enter');
	await expect(suggestions).toBeHidden();
	await box.pressSequentially('sur le **vrac** ?');
	await expect(box).toHaveValue('Un avis @Bruno-Lefèvre sur le **vrac** ?');
	await dialog.getByRole('button', { name: 'Commenter' }).click();
	// The rendered comment marks the mention.
	await expect(dialog.locator('mark.mention')).toHaveText(['@Bruno-Lefèvre']);

	// Bruno's header polls every 15 s.
	await expect(headerLink(b.page)).toHaveAccessibleName('Notifications (1 non lue)', { timeout: 20_000 });
	await headerLink(b.page).click();
	const inbox = b.page.getByRole('list', { name: 'Vos notifications, les plus récentes d’abord' });
	const item = inbox.getByRole('listitem');
	await expect(item).toHaveCount(1);
	await expect(item).toContainText('Non lue');
	// The preview reads the comment's words, not its markdown.
	await expect(item).toContainText('Un avis @Bruno-Lefèvre sur le vrac ?');
	const link = item.getByRole('link', { name: 'Camille vous a mentionné·e sur « Vrac en boutique »' });
	await expect(link).toHaveAttribute('href', `/b/${boardId}/c/${cardId}`);

	await item.getByRole('button', { name: /Marquer comme lue/ }).click();
	await expect(item).not.toContainText('Non lue');
	await expect(headerLink(b.page)).toHaveAccessibleName('Notifications');
	await link.click();
	await expect(b.page.getByRole('dialog', { name: 'Vrac en boutique' })).toBeVisible();
	await a.context.close();
	await b.context.close();
});

test('the inbox lists newest first, marks all read and keeps each person’s settings', async ({
	app,
	browser,
	member
}) => {
	const { page, context } = await loggedInPage(browser, app, member);
	const boardId = await createTestBoard(app.db, member, 'Boîte');
	const now = Date.now();
	const rows = [
		{ kind: 'stage', title: 'Ancienne carte', at: now - 60_000 },
		{ kind: 'signal', title: 'Carte récente', at: now }
	].map((r) => ({
		id: newId(),
		user_id: member.userId,
		kind: r.kind,
		board_id: boardId,
		card_id: newId(),
		actor_id: null,
		data: JSON.stringify({ title: r.title }),
		created_at: r.at,
		read_at: null
	}));
	await app.db.insertInto('notification').values(rows).execute();
	await gotoReady(page, '/inbox');
	await expect(headerLink(page)).toHaveAccessibleName('Notifications (2 non lues)');
	const items = page.getByRole('list', { name: /Vos notifications/ }).getByRole('listitem');
	await expect(items.nth(0)).toContainText('Nouveau signal sur « Carte récente »');
	await expect(items.nth(1)).toContainText('« Ancienne carte » a changé d’étape');

	await page.getByRole('button', { name: 'Tout marquer comme lu' }).click();
	await expect(items.filter({ hasText: 'Non lue' })).toHaveCount(0);
	await expect(headerLink(page)).toHaveAccessibleName('Notifications');

	const stage = page.getByRole('checkbox', { name: 'Les changements d’étape des cartes que vous suivez' });
	await expect(stage).toBeChecked();
	await stage.uncheck();
	await page.getByRole('button', { name: 'Enregistrer' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Préférences enregistrées.' })).toBeVisible();
	await gotoReady(page, '/inbox');
	await expect(stage).not.toBeChecked();
	await expect(page.getByRole('checkbox', { name: 'Quand on vous mentionne (vous ou votre équipe)' })).toBeChecked();
	await context.close();
	await context.close();
});

test('a card’s owner follows it and can unfollow, which sticks', async ({ app, browser, member }) => {
	const boardId = await createTestBoard(app.db, member, 'Suivi');
	await writeCards(app.server.url, app.db, member, boardId, [{ title: 'Four solaire', stage: 'ideas' }]);
	const { page, context } = await openBoard(browser, app, member, boardId);
	let dialog = await openCard(page, 'Four solaire');
	const button = () => dialog.getByRole('button', { name: /^(Suivre|Ne plus suivre)$/ });
	await expect(button()).toHaveText('Ne plus suivre');
	await expect(button()).toHaveAttribute('aria-pressed', 'true');
	await button().click();
	await expect(button()).toHaveText('Suivre');
	await expect(button()).toHaveAttribute('aria-pressed', 'false');
	await page.reload();
	await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
	dialog = page.getByRole('dialog', { name: 'Four solaire' });
	await expect(button()).toHaveText('Suivre');
	await context.close();
});
