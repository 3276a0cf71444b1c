import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from '@playwright/test';
import type { Member } from '../factories/accounts.ts';
import { expect, gotoReady, loggedInPage, type App } from './fixtures.ts';

export async function openBoard(browser: Browser, app: App, who: Member, boardId: string, locale = 'fr-FR') {
	const { page, context } = await loggedInPage(browser, app, who, locale);
	await gotoReady(page, `/b/${boardId}`);
	await expect(page.getByRole('status')).toHaveText(locale.startsWith('en') ? 'Connected' : 'Connecté');
	return { page, context };
}

export const column = (page: Page, name: string) => page.getByRole('region', { name });

/** The titles of the cards in a column, in order. */
export const titlesIn = (page: Page, name: string) => column(page, name).getByTestId('card-title');

export async function addCard(page: Page, stage: string, title: string): Promise<void> {
	const region = column(page, stage);
	await region.getByRole('button', { name: `Ajouter une carte dans ${stage}` }).click();
	const input = region.getByRole('textbox', { name: /Titre de la nouvelle carte/ });
	await input.fill(title);
	await input.press('Enter');
	await expect(region.getByRole('button', { name: title })).toBeVisible();
	await input.press('Escape');
}

/** axe findings of impact serious or critical, as readable lines (`ignoring`: rule ids left out). */
export async function seriousViolations(page: Page, ignoring: string[] = []): Promise<string[]> {
	const results = await new AxeBuilder({ page }).disableRules(ignoring).analyze();
	return results.violations
		.filter((v) => v.impact === 'serious' || v.impact === 'critical')
		.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}
