import { readCadence, closeStandup, startStandup } from '../../src/lib/server/services/standups.ts';
import { createTestBoard } from '../factories/accounts.ts';
import { seriousViolations } from './board-helpers.ts';
import { expect, gotoReady, loggedInPage, test } from './fixtures.ts';

test('a manager sets the weekly stand-up from the keyboard, in French', async ({ app, browser, member }) => {
	const boardId = await createTestBoard(app.db, member, 'Hebdo');
	const { page, context } = await loggedInPage(browser, app, member);
	await gotoReady(page, `/b/${boardId}/settings`);
	const standup = page.getByRole('group', { name: 'Point hebdomadaire' });
	const day = standup.getByRole('combobox', { name: 'Jour' });
	await expect(day).toHaveValue('1');
	await expect(day.getByRole('option').first()).toHaveText('lundi');
	await expect(standup.getByText('Heure du tableau, fuseau Europe/Paris')).toBeVisible();

	// Monday → Friday with the arrow keys, then Tab on to the time, typed digit by digit.
	await day.focus();
	for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowDown');
	await expect(day).toHaveValue('5');
	await page.keyboard.press('Tab');
	const time = standup.getByLabel('Heure', { exact: true });
	await expect(time).toBeFocused();
	await page.keyboard.type('1015');
	await expect(time).toHaveValue('10:15');
	const timeBox = standup.getByRole('spinbutton', { name: 'Temps par carte (secondes)' });
	await timeBox.focus();
	await page.keyboard.press('ControlOrMeta+a');
	await page.keyboard.type('120');
	await page.keyboard.press('Enter');

	await expect(standup.getByRole('status')).toHaveText('Rythme du point enregistré.');
	await expect(standup.getByText(/^Prochain point : vendredi \d+ \S+ \d{4} à 10:15 \(Europe\/Paris\)$/)).toBeVisible();
	expect(await readCadence(app.db, boardId)).toEqual({ day: 5, time: '10:15', timeBox: 120, length: 15 });
	await context.close();
});

test('the stand-up settings speak English, and a wrong time box is explained', async ({ app, browser, member }) => {
	const boardId = await createTestBoard(app.db, member, 'Weekly');
	const { page, context } = await loggedInPage(browser, app, member, 'en-US');
	await gotoReady(page, `/b/${boardId}/settings`);
	const standup = page.getByRole('group', { name: 'Weekly stand-up' });
	await expect(standup.getByRole('combobox', { name: 'Day' }).getByRole('option').first()).toHaveText('Monday');
	await expect(standup.getByText(/^Next stand-up: Monday, \S+ \d+, \d{4} at 09:30 \(Europe\/Paris\)$/)).toBeVisible();
	const timeBox = standup.getByRole('spinbutton', { name: 'Time per card (seconds)' });
	await timeBox.fill('5');
	await timeBox.press('Enter');
	await expect(standup.getByRole('alert')).toHaveText('The time per card is a whole number from 30 to 600 seconds.');
	await expect(timeBox).toHaveAttribute('aria-invalid', 'true');
	await expect(timeBox).toHaveValue('5');
	expect((await readCadence(app.db, boardId))?.timeBox).toBe(90);

	await timeBox.fill('45');
	await standup.getByRole('button', { name: 'Set the stand-up schedule' }).click();
	await expect(standup.getByRole('status')).toHaveText('Stand-up schedule saved.');
	await expect(standup.getByRole('alert')).toHaveCount(0);
	expect((await readCadence(app.db, boardId))?.timeBox).toBe(45);
	await context.close();
});

test('the summary page prints without the site’s header and buttons', async ({ app, browser, member }) => {
	const boardId = await createTestBoard(app.db, member, 'Imprimable');
	const startedAt = Date.parse('2026-11-23T08:30:00Z');
	const { id } = await startStandup(app.db, {
		boardId,
		facilitatorId: member.userId,
		locale: 'fr',
		timeBox: 90,
		now: startedAt
	});
	await closeStandup(app.db, id, {
		boardName: 'Imprimable',
		locale: 'fr',
		timeZone: 'Europe/Paris',
		facilitator: 'Camille',
		since: startedAt - 7 * 86_400_000,
		startedAt,
		endedAt: startedAt + 600_000,
		attendees: ['Camille'],
		reviewed: [],
		perStage: { ideas: 1, review: 0, objective: 0, scope: 0, rollout: 0, outcome: 0 },
		atRisk: [],
		decisions: [],
		outcomes: [],
		signals: { guest: 0, member: 0 }
	});
	const { page, context } = await loggedInPage(browser, app, member, 'en-US');
	await gotoReady(page, `/standups/${id}`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		'Imprimable — point hebdomadaire du 23 novembre 2026'
	);
	await expect(page.getByRole('table', { name: 'Initiatives par étape' })).toBeVisible();
	expect(await seriousViolations(page)).toEqual([]);
	// The record is in French, the controls in the reader's English.
	const print = page.getByRole('button', { name: 'Print' });
	await expect(print).toBeVisible();
	const download = page.getByRole('link', { name: 'Download Markdown' });
	await expect(download).toBeVisible();
	await expect(page.getByRole('banner')).toBeVisible();

	await page.emulateMedia({ media: 'print' });
	await expect(print).toBeHidden();
	await expect(download).toBeHidden();
	await expect(page.getByRole('banner')).toBeHidden();
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	await context.close();
});
