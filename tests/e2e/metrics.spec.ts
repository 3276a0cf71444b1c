import { readFileSync } from 'node:fs';
import { createTestBoard } from '../factories/accounts.ts';
import { FLOW_CARD, seedFlowBoard } from '../factories/flow.ts';
import { openBoard, seriousViolations } from './board-helpers.ts';
import { expect, gotoReady, loggedInPage, test } from './fixtures.ts';

test('the flow metrics: charts with their tables, a chosen period, the figures as CSV', async ({
	app,
	browser,
	member
}) => {
	const boardId = await createTestBoard(app.db, member, 'Flux');
	await seedFlowBoard(app.server.url, app.db, member, boardId);

	// From the board's header to its metrics page (a page of its own, no longer the board).
	const { page } = await openBoard(browser, app, member, boardId);
	await page.getByRole('link', { name: 'Flux et portefeuille' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Flux et portefeuille · Flux');
	await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });

	// The cumulative flow is drawn (an SVG area per stage) and its table is one click away.
	const cumulative = page.getByTestId('figure-cumulative');
	await expect(
		cumulative
			.getByRole('figure', { name: /Flux cumulé/ })
			.locator('path.lc-area-path')
			.first()
	).toBeVisible();
	await cumulative.getByText('Les chiffres sous forme de tableau').click();
	await expect(cumulative.getByRole('table', { name: 'Flux cumulé' })).toBeVisible();

	// January: the card's stays and its arrival in Outcome, in the week of Monday 12 January.
	await page.getByRole('textbox', { name: 'Du', exact: true }).fill('2026-01-01');
	await page.getByRole('textbox', { name: 'Au', exact: true }).fill('2026-01-31');
	await page.getByRole('button', { name: 'Afficher' }).click();
	await expect(page).toHaveURL(/from=2026-01-01&to=2026-01-31/);
	await expect(page.getByText('Du 2026-01-01 au 2026-01-31, fuseau horaire Europe/Paris.')).toBeVisible();
	const throughput = page.getByTestId('figure-throughput');
	// One bar per week overlapping January (29 Dec → 26 Jan); only the week of the 12th has height.
	await expect(throughput.locator('.lc-bar')).toHaveCount(5);
	await expect(throughput.locator('.lc-bar').nth(2)).toBeVisible();
	await throughput.getByText('Les chiffres sous forme de tableau').click();
	const week = throughput.getByRole('rowheader', { name: '2026-01-12' }).locator('xpath=..');
	await expect(week.getByRole('cell')).toHaveText(['1']);
	const time = page.getByTestId('figure-time');
	await time.getByText('Les chiffres sous forme de tableau').click();
	const cycle = time.getByRole('rowheader', { name: 'Temps de cycle Revue → Résultat' }).locator('xpath=..');
	await expect(cycle.getByRole('cell')).toHaveText(['1', '10', '10']);

	// The same figures as a CSV file, UTF-8 with a BOM, for that period.
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		throughput.getByRole('link', { name: /Télécharger les chiffres/ }).click()
	]);
	expect(download.suggestedFilename()).toBe('Flux-throughput-2026-01-01-2026-01-31.csv');
	const bytes = readFileSync((await download.path())!);
	expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
	expect(bytes.toString('utf8')).toContain('2026-01-12,1\r\n');

	expect(await seriousViolations(page)).toEqual([]);

	// On paper: no form, no links to download, and every table printed under its chart.
	await page.emulateMedia({ media: 'print' });
	await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
	await expect(page.getByRole('button', { name: 'Afficher' })).toBeHidden();
	await expect(page.getByRole('table', { name: 'Taux d’issue' })).toBeVisible();
	await expect(throughput.getByRole('link', { name: /Télécharger les chiffres/ })).toBeHidden();
	await page.emulateMedia({ media: 'screen' });

	// A wrong value in the URL is named, and the page still shows the default period.
	await gotoReady(page, `/b/${boardId}/metrics?stuck=0`);
	await expect(page.getByRole('alert')).toHaveText('« stuck » n’est pas valide : la valeur par défaut est utilisée.');
});

test('the portfolio: each global objective with its initiatives, progress and effect, in English too', async ({
	app,
	browser,
	member
}) => {
	const boardId = await createTestBoard(app.db, member, 'Portefeuille');
	await seedFlowBoard(app.server.url, app.db, member, boardId);
	const { page } = await loggedInPage(browser, app, member, 'en-GB');
	await gotoReady(page, '/boards');
	await page.getByRole('navigation').getByRole('link', { name: 'Metrics' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Flow and portfolio ·');

	const objective = page.getByTestId('portfolio').getByTestId('objective').filter({ hasText: FLOW_CARD.objective });
	await expect(objective.getByText('Total effect: +5 jours')).toBeVisible();
	const line = objective.getByRole('rowheader', { name: FLOW_CARD.title }).locator('xpath=..');
	await expect(line.getByRole('cell')).toHaveText(['Rollout', 'No data', '35 jours / 30 jours', '50%', '+5 jours']);

	expect(await seriousViolations(page)).toEqual([]);

	// The initiative's link opens its card on its board.
	await objective.getByRole('link', { name: FLOW_CARD.title }).click();
	await expect(page).toHaveURL(new RegExp(`/b/${boardId}/c/`));
});
