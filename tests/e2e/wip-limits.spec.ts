import { createColleague, createTestBoard } from '../factories/accounts.ts';
import { addCard, column, openBoard, seriousViolations, titlesIn } from './board-helpers.ts';
import { expect, test } from './fixtures.ts';

test('a stage limit: set in the settings, counted live, a move over it refused, then forced by a manager', async ({
	app,
	browser,
	member
}) => {
	const boardId = await createTestBoard(app.db, member, 'Limites');
	const manager = await openBoard(browser, app, member, boardId); // the board's owner
	const colleague = await openBoard(browser, app, await createColleague(app.db, member, 'Inès'), boardId);
	await addCard(manager.page, 'Revue', 'Circuit court');
	await addCard(manager.page, 'Idées', 'Gamme éphémère');

	// The owner sets a limit of 1 on Review; a wrong value is refused and names the field.
	await manager.page.getByRole('link', { name: 'Réglages de la méthode' }).click();
	const settings = manager.page.getByRole('dialog', { name: 'Réglages de la méthode' });
	const review = settings.getByRole('spinbutton', { name: 'Revue' });
	await review.fill('0');
	await settings.getByRole('button', { name: 'Appliquer les limites' }).click();
	await expect(settings.getByRole('alert')).toHaveText(
		'Revue : un nombre entier de 1 à 999, ou vide pour ne pas limiter.'
	);
	await review.fill('1');
	await settings.getByRole('button', { name: 'Appliquer les limites' }).click();
	await expect(settings.getByRole('status')).toHaveText('Limites enregistrées.');
	expect(await seriousViolations(manager.page)).toEqual([]);
	await settings.getByRole('button', { name: 'Fermer' }).click();

	// Both browsers count the column against its limit, live.
	for (const page of [manager.page, colleague.page]) {
		await expect(column(page, 'Revue').getByTestId('wip-count')).toHaveText('1 / 1');
		await expect(column(page, 'Revue')).toContainText('1 initiatives en cours, limite 1');
	}

	// A member's drag over the limit is refused like a gate, with what is wrong, and no way to force it.
	await colleague.page.getByRole('button', { name: 'Gamme éphémère' }).dragTo(column(colleague.page, 'Revue'));
	const refusal = colleague.page.getByRole('alertdialog');
	await expect(refusal.getByTestId('wip-breaches')).toHaveText(
		'Revue compterait 2 initiatives en cours ; sa limite est 1.'
	);
	await expect(refusal.getByRole('button', { name: 'Forcer le passage' })).toHaveCount(0);
	await refusal.getByRole('button', { name: 'Fermer' }).click();
	await expect(titlesIn(colleague.page, 'Idées')).toHaveText(['Gamme éphémère']);

	// The manager forces it by keyboard with a reason: recorded on the card, the count follows in both browsers.
	await manager.page.getByRole('button', { name: 'Gamme éphémère' }).focus();
	for (const key of ['Space', 'ArrowRight', 'ArrowDown', 'Space']) await manager.page.keyboard.press(key);
	const forced = manager.page.getByRole('alertdialog');
	await expect(forced.getByTestId('wip-breaches')).toContainText('sa limite est 1');
	await forced.getByRole('textbox', { name: 'Raison, enregistrée sur la carte' }).fill('Saison courte, on double');
	await forced.getByRole('button', { name: 'Forcer le passage' }).click();
	for (const page of [manager.page, colleague.page]) {
		await expect(titlesIn(page, 'Revue')).toHaveText(['Circuit court', 'Gamme éphémère']);
		await expect(column(page, 'Revue').getByTestId('wip-count')).toContainText('2 / 1');
		await expect(column(page, 'Revue')).toContainText(
			'Au-delà de sa limite : 2 initiatives en cours pour une limite de 1'
		);
	}
	// The column over its limit (card tiles' own label mismatch is older than the limits: left out here).
	expect(await seriousViolations(colleague.page, ['label-content-name-mismatch'])).toEqual([]);
	await colleague.page.getByRole('button', { name: 'Gamme éphémère' }).click();
	await expect(colleague.page.getByTestId('gate-override')).toContainText(
		/a forcé le passage d’Idées & signaux à Revue le .* : « Saison courte, on double »/
	);
	// The server accepted the override: no flag comes back.
	await colleague.page.waitForTimeout(1500);
	await expect(colleague.page.getByTestId('gate-flag')).toHaveCount(0);

	// The stand-up flags the column over its limit.
	await manager.page.goto(`/b/${boardId}/standup`);
	await expect(manager.page.getByTestId('standup-limits')).toContainText(
		'Revue : 2 initiatives en cours pour une limite de 1'
	);
	await manager.context.close();
	await colleague.context.close();
});
