import type { Locator, Page } from '@playwright/test';
import type { Db } from '../../src/lib/server/db/open.ts';
import { newId } from '../../src/lib/server/ids.ts';
import { column } from './board-helpers.ts';
import { expect } from './fixtures.ts';

/** Adds teams to an organisation (the test organisations have none); returns their ids by name. */
export async function insertTeams(db: Db, organizationId: string, names: string[]): Promise<Record<string, string>> {
	const ids: Record<string, string> = {};
	for (const [index, name] of names.entries()) {
		const id = newId();
		ids[name] = id;
		const color = ['#2f7d4f', '#3a6ea5', '#b4543a'][index % 3] ?? '#2f7d4f';
		await db.insertInto('team').values({ id, organization_id: organizationId, name, color }).execute();
	}
	return ids;
}

/** A date `days` from today (UTC), as the date inputs take it: YYYY-MM-DD. */
export function isoDay(days = 0): string {
	const date = new Date();
	date.setUTCDate(date.getUTCDate() + days);
	return date.toISOString().slice(0, 10);
}

/** The card's modal dialog, named by its title. */
export const cardDialog = (page: Page, title: string) => page.getByRole('dialog', { name: title });

/** One of the card's sections (Revue de l’existant, Objectif chiffré, Périmètre…), by its heading. */
export const section = (dialog: Locator, name: string) => dialog.getByRole('region', { name, exact: true });

/** Opens a card from its tile on the board; returns its dialog. */
export async function openCard(page: Page, title: string): Promise<Locator> {
	await page.getByRole('button', { name: title, exact: true }).click();
	const dialog = cardDialog(page, title);
	await expect(dialog).toBeVisible();
	return dialog;
}

/** Back to the board from the open card. */
export async function closeCard(page: Page, title: string): Promise<void> {
	const dialog = cardDialog(page, title);
	await dialog.getByRole('button', { name: 'Fermer', exact: true }).click();
	await expect(dialog).toHaveCount(0);
}

/** Types into a field that saves on Enter (or blur). */
export async function commit(field: Locator, value: string): Promise<void> {
	await field.fill(value);
	await field.press('Enter');
}

/** Picks a card up with the keyboard, moves it one column to the right and drops it. */
export async function moveRightByKeyboard(page: Page, title: string): Promise<void> {
	await page.getByRole('button', { name: title, exact: true }).focus();
	for (const key of ['Space', 'ArrowRight', 'Space']) await page.keyboard.press(key);
}

export async function dragToColumn(page: Page, title: string, stage: string): Promise<void> {
	await page.getByRole('button', { name: title, exact: true }).dragTo(column(page, stage));
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The refusal dialog names the card, the stage and exactly the missing items, in order. */
export async function expectRefusal(page: Page, title: string, stage: string, missing: string[]): Promise<Locator> {
	const refusal = page.getByRole('alertdialog');
	await expect(refusal.getByRole('heading')).toHaveText(`« ${title} » ne peut pas encore passer en ${stage}`);
	await expect(refusal.getByRole('listitem')).toHaveText(missing.map((item) => new RegExp(`^${escape(item)}`)));
	return refusal;
}

/** Follows the refusal's "Compléter" link for one missing item: the card opens at that section. */
export async function fillIn(page: Page, refusal: Locator, item: string, anchor: string): Promise<void> {
	await refusal.getByRole('link', { name: new RegExp(`^Compléter\\W*${escape(item)}$`) }).click();
	await expect(page).toHaveURL(new RegExp(`/c/[\\w-]+#${anchor}$`));
}
