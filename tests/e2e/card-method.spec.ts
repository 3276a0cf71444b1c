import type { Page } from '@playwright/test';
import { ACTORS, type Actor } from '../../src/lib/domain/method/types.ts';
import { findTemplate } from '../../src/lib/content/templates.ts';
import type { InitiativeTemplate, TemplateLocale } from '../../src/lib/domain/templates.ts';
import { createColleague, createTestBoard } from '../factories/accounts.ts';
import { column, openBoard, seriousViolations, titlesIn } from './board-helpers.ts';
import {
	addCheckIn,
	createTeam,
	dialogStatus,
	expectedStatus,
	expectedValue,
	STATUS_LABELS,
	tile,
	tileStatus,
	today,
	writeRolloutCard
} from './card-helpers-b.ts';
import { expect, gotoReady, loggedInPage, test } from './fixtures.ts';

test('a check-in changes the status and the sparkline, live on the card face of another browser', async ({
	app,
	browser,
	member
}) => {
	const boardId = await createTestBoard(app.db, member, 'Trajectoire');
	const teamId = await createTeam(app, member, 'Boutique');
	const card = await writeRolloutCard(app, member, boardId, 'Vrac en boutique', teamId);
	const owner = await openBoard(browser, app, member, boardId);
	const colleague = await openBoard(browser, app, await createColleague(app.db, member, 'Lina'), boardId);
	const sparkline = (page: Page) => tile(page, card.title).getByTestId('sparkline');

	// The card was written straight into Déploiement with every earlier criterion met: on its line, no flag.
	const before = expectedStatus(card.line, card.checkIn.value, card.checkIn.day);
	expect(before).toBe('on-track');
	for (const { page } of [owner, colleague]) {
		await expect(titlesIn(page, 'Déploiement')).toHaveText([card.title]);
		await expect(tileStatus(page, card.title)).toHaveAttribute('data-status', before);
		await expect(sparkline(page)).toHaveAttribute('data-points', '1');
	}
	await owner.page.waitForTimeout(1000); // the server judges the write right away: give it time to flag
	await expect(tile(owner.page, card.title).getByTestId('badge-flagged')).toHaveCount(0);

	await tile(owner.page, card.title).click();
	await expect(owner.page.getByRole('dialog', { name: card.title })).toBeVisible();
	await expect(dialogStatus(owner.page)).toHaveAttribute('data-status', before);

	// Today the line expects a third of the way (30 of 90 days); a value far below it is off track.
	const day = today();
	const planned = expectedValue(card.line, day);
	const low = Math.round(planned * 0.15);
	expect(expectedStatus(card.line, low, day)).toBe('off-track');
	await addCheckIn(owner.page, low, 'À surveiller');
	await expect(dialogStatus(owner.page)).toHaveAttribute('data-status', 'off-track');
	await expect(dialogStatus(owner.page)).toHaveText('Hors trajectoire');
	await expect(tileStatus(colleague.page, card.title)).toHaveAttribute('data-status', 'off-track');
	await expect(tileStatus(colleague.page, card.title)).toHaveText('Hors trajectoire');
	await expect(sparkline(colleague.page)).toHaveAttribute('data-points', '2');

	// A second check-in the same day, on the line: the latest one counts.
	const onLine = Math.ceil(planned);
	const after = expectedStatus(card.line, onLine, day);
	await addCheckIn(owner.page, onLine, 'En bonne voie');
	await expect(dialogStatus(owner.page)).toHaveAttribute('data-status', after);
	await expect(dialogStatus(owner.page)).toHaveText(STATUS_LABELS.fr[after]);
	await expect(tileStatus(colleague.page, card.title)).toHaveAttribute('data-status', after);
	await expect(tileStatus(colleague.page, card.title)).toHaveText(STATUS_LABELS.fr[after]);
	await expect(sparkline(colleague.page)).toHaveAttribute('data-points', '3');

	// Back on the owner's board, the tile says the same.
	await owner.page.getByRole('dialog').getByRole('button', { name: 'Fermer' }).first().click();
	await expect(tileStatus(owner.page, card.title)).toHaveAttribute('data-status', after);
	await expect(sparkline(owner.page)).toHaveAttribute('data-points', '3');
	await owner.context.close();
	await colleague.context.close();
});

/** The words of the template picker and the card page, per language. */
const UI = {
	fr: {
		locale: 'fr-FR',
		open: 'Nouvelle initiative depuis un modèle',
		picker: 'Choisir un modèle',
		use: 'Utiliser ce modèle',
		prompt: 'À traiter :',
		strengths: 'Forces',
		difficulties: 'Difficultés',
		micro: 'Micro-environnement',
		metric: 'Indicateur',
		rollout: 'Déploiement',
		ideas: 'Idées & signaux',
		close: 'Fermer',
		actors: {
			clients: 'Clients',
			partners: 'Partenaires',
			suppliers: 'Fournisseurs',
			competitors: 'Concurrents',
			prescribers: 'Prescripteurs'
		}
	},
	en: {
		locale: 'en-US',
		open: 'New initiative from a template',
		prompt: 'To answer:',
		picker: 'Choose a template',
		use: 'Use this template',
		strengths: 'Strengths',
		difficulties: 'Difficulties',
		micro: 'Micro-environment',
		metric: 'Indicator',
		rollout: 'Rollout',
		ideas: 'Ideas & signals',
		close: 'Close',
		actors: {
			clients: 'Customers',
			partners: 'Partners',
			suppliers: 'Suppliers',
			competitors: 'Competitors',
			prescribers: 'Prescribers'
		}
	}
} satisfies Record<TemplateLocale, { locale: string; actors: Record<Actor, string> } & Record<string, unknown>>;

/** Picks `template` in the board's template picker and checks the card it fills, in `lang`. */
async function createFromTemplate(page: Page, template: InitiativeTemplate, lang: TemplateLocale): Promise<void> {
	const ui = UI[lang];
	const title = template.title[lang];
	await page.getByRole('button', { name: ui.open }).click();
	const picker = page.getByRole('dialog', { name: ui.picker });
	await picker.getByRole('listitem').filter({ hasText: title }).getByRole('button', { name: ui.use }).click();

	// The new card opens on its own page, filled from the template.
	await expect(page).toHaveURL(/\/b\/[\w-]+\/c\/[\w-]+$/);
	const dialog = page.getByRole('dialog', { name: title });
	await expect(dialog).toBeVisible();
	await expect(dialog.getByRole('textbox', { name: lang === 'fr' ? 'Titre' : 'Title', exact: true })).toHaveValue(
		title
	);
	for (const list of ['strengths', 'difficulties'] as const)
		await expect(dialog.getByRole('group', { name: ui[list], exact: true }).getByRole('listitem')).toHaveText(
			// The template's questions are prompts to answer, not strengths or difficulties yet.
			template[list].map((item) => `${ui.prompt} ${item[lang]}`)
		);
	await expect(dialog.getByRole('textbox', { name: ui.metric, exact: true })).toHaveValue(template.metric.name[lang]);
	const micro = dialog.getByRole('group', { name: ui.micro });
	for (const actor of ACTORS) {
		const prompt = template.microEnvironment[actor];
		await expect(micro.getByRole('textbox', { name: ui.actors[actor], exact: true })).toHaveValue(prompt?.[lang] ?? '');
	}
	await expect(
		dialog.getByRole('region', { name: ui.rollout, exact: true }).getByRole('heading', { level: 3 })
	).toHaveText(template.phases.map((phase) => phase.name[lang]));

	// On the board, the card waits among the ideas.
	await dialog.getByRole('button', { name: ui.close }).first().click();
	await expect(column(page, ui.ideas).getByRole('button', { name: title, exact: true })).toBeVisible();
}

test('a template creates a filled card, in French and in English', async ({ app, browser, member }) => {
	const boardId = await createTestBoard(app.db, member, 'Modèles');
	const template = findTemplate('local-sourcing');
	if (!template) throw new Error('no local-sourcing template');

	const fr = await openBoard(browser, app, member, boardId);
	await createFromTemplate(fr.page, template, 'fr');
	const en = await openBoard(browser, app, member, boardId, UI.en.locale);
	await createFromTemplate(en.page, template, 'en');

	// Both cards are shared: the French browser sees the English one arrive among the ideas too.
	await expect(titlesIn(fr.page, UI.fr.ideas)).toHaveText([template.title.fr, template.title.en]);
	await fr.context.close();
	await en.context.close();
});

test('the card page works in English', async ({ app, browser, member }) => {
	const boardId = await createTestBoard(app.db, member, 'Method');
	const card = await writeRolloutCard(app, member, boardId, 'Bulk in the shop', await createTeam(app, member, 'Shop'));
	const { page, context } = await openBoard(browser, app, member, boardId, 'en-US');

	await expect(tileStatus(page, card.title)).toHaveText(STATUS_LABELS.en['on-track']);

	// A refused move, by keyboard, is worded in English.
	await tile(page, card.title).focus();
	for (const key of ['Space', 'ArrowRight', 'Space']) await page.keyboard.press(key);
	const refusal = page.getByRole('alertdialog');
	await expect(refusal).toContainText(`“${card.title}” cannot move to Outcome yet`);
	await expect(refusal.getByRole('listitem')).toHaveText([/the go\/no-go decision on the last phase \(Rollout\)/]);
	await refusal.getByRole('button', { name: 'Close' }).click();
	await expect(titlesIn(page, 'Rollout')).toHaveText([card.title]);

	// The card's own address opens it, and still does after a reload.
	await gotoReady(page, `/b/${boardId}/c/${card.cardId}`);
	const dialog = page.getByRole('dialog', { name: card.title });
	await expect(dialog).toBeVisible();
	await page.reload();
	await expect(dialog).toBeVisible();
	await expect(dialog.getByRole('heading', { level: 2 })).toContainText([
		'To move to Outcome',
		'Review of the current situation',
		'Measurable objective',
		'Scope',
		'Rollout',
		'Check-ins',
		'Outcome'
	]);
	await expect(dialog.getByRole('region', { name: 'To move to Outcome' })).toContainText(
		'the go/no-go decision on the last phase (Rollout)'
	);
	await expect(dialogStatus(page)).toHaveText(STATUS_LABELS.en['on-track']);
	const confidence = dialog.getByRole('form', { name: 'New check-in' }).getByRole('radiogroup');
	await expect(confidence.getByRole('radio')).toHaveCount(3);
	for (const status of ['on-track', 'at-risk', 'off-track'] as const)
		await expect(confidence.getByRole('radio', { name: STATUS_LABELS.en[status] })).toBeVisible();

	// A card that does not exist (a well-formed id) says so.
	await gotoReady(page, `/b/${boardId}/c/NoSuchCard1234567890`);
	await expect(page.getByRole('dialog')).toContainText('This card does not exist or has been deleted.');
	await context.close();
});

test('the card page has no serious accessibility violation', async ({ app, browser, member }) => {
	const boardId = await createTestBoard(app.db, member, 'Accessibilité');
	const card = await writeRolloutCard(app, member, boardId, 'Vrac en boutique', await createTeam(app, member, 'Vente'));
	const { page, context } = await loggedInPage(browser, app, member);
	await gotoReady(page, `/b/${boardId}/c/${card.cardId}`);
	const dialog = page.getByRole('dialog', { name: card.title });
	await expect(dialog.getByTestId('trajectory-chart')).toHaveAttribute('data-points', '1');
	await expect(dialog.getByRole('heading', { name: 'Pilote en boutique' })).toBeVisible();
	expect(await seriousViolations(page)).toEqual([]);
	await context.close();
});
