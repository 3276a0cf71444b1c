import type { CDPSession, Page } from '@playwright/test';
import { createColleague, createTestBoard } from '../factories/accounts.ts';
import { writeCards } from '../factories/portal.ts';
import { column, openBoard, titlesIn } from './board-helpers.ts';
import { expectRefusal } from './card-helpers.ts';
import { expect, gotoReady, loggedInPage, test } from './fixtures.ts';
import { PHONE } from './phone-helpers.ts';

const IDEA = 'Consigne des bocaux';
const REVIEW = 'Livraison à vélo';
const ROW = { x: 0, y: 0 };

/** Real touch events, as a finger makes them (CDP), not synthetic DOM events. */
async function touch(cdp: CDPSession, type: 'touchStart' | 'touchMove' | 'touchEnd', at = ROW): Promise<void> {
	await cdp.send('Input.dispatchTouchEvent', { type, touchPoints: type === 'touchEnd' ? [] : [at] });
}

async function centreOf(page: Page, title: string): Promise<{ x: number; y: number }> {
	const card = page.getByRole('button', { name: title, exact: true });
	await card.scrollIntoViewIfNeeded(); // the board's header wraps on a phone: the card may start below the fold
	const box = await card.boundingBox();
	if (!box) throw new Error(`no card ${title}`);
	return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/**
 * Presses a card for 600 ms, slides the finger to the screen's right edge (the columns scroll
 * sideways under it) until `stage` comes into view, then lifts the finger over that column.
 */
async function dragByTouch(page: Page, cdp: CDPSession, title: string, stage: string): Promise<void> {
	const start = await centreOf(page, title);
	await touch(cdp, 'touchStart', start);
	await page.waitForTimeout(600);
	await expect(page.getByRole('button', { name: title, exact: true })).toHaveCSS('pointer-events', 'none');
	for (let x = start.x; x < 375; x += 20) await touch(cdp, 'touchMove', { x, y: start.y });
	await touch(cdp, 'touchMove', { x: 378, y: start.y });
	await expect(async () => expect((await column(page, stage).boundingBox())?.x).toBeLessThan(300)).toPass({
		intervals: [20],
		timeout: 5000
	});
	// Away from the edge the columns stop scrolling; then the finger goes to the target column's middle.
	await touch(cdp, 'touchMove', { x: 200, y: start.y });
	const box = await column(page, stage).boundingBox();
	const x = Math.min(300, Math.max(60, (box?.x ?? 0) + (box?.width ?? 0) / 2));
	await touch(cdp, 'touchMove', { x, y: start.y });
	await expect(column(page, stage).locator('ul.drag-over')).toHaveCount(1); // the target column is lit
	await touch(cdp, 'touchEnd');
}

test('a long press lifts a card on a phone; sliding the finger moves it through the gates, seen by others', async ({
	app,
	browser,
	member
}) => {
	const boardId = await createTestBoard(app.db, member, 'Épicerie du port');
	await writeCards(app.server.url, app.db, member, boardId, [
		{ title: IDEA, stage: 'ideas' },
		{ title: REVIEW, stage: 'review' }
	]);
	const other = await openBoard(browser, app, await createColleague(app.db, member, 'Odile'), boardId);
	const { page } = await loggedInPage(browser, app, member, 'fr-FR', PHONE);
	await gotoReady(page, `/b/${boardId}`);
	await expect(page.getByRole('status').filter({ hasText: 'Connecté' })).toBeVisible();
	const cdp = await page.context().newCDPSession(page);

	// A finger that moves at once is scrolling, not holding: nothing is lifted, nothing moves.
	const idea = await centreOf(page, IDEA);
	await touch(cdp, 'touchStart', idea);
	await touch(cdp, 'touchMove', { x: idea.x, y: idea.y + 30 });
	await page.waitForTimeout(600);
	await touch(cdp, 'touchEnd');
	await expect(page.getByRole('button', { name: IDEA, exact: true })).toHaveCSS('pointer-events', 'auto');
	await expect(titlesIn(page, 'Idées & signaux')).toHaveText([IDEA]);

	// Held, then slid to Review: the card moves there, and the other browser sees it.
	await dragByTouch(page, cdp, IDEA, 'Revue');
	await expect(titlesIn(page, 'Idées & signaux')).toHaveCount(0);
	await expect(titlesIn(page, 'Revue').filter({ hasText: IDEA })).toHaveCount(1);
	await expect(titlesIn(other.page, 'Revue').filter({ hasText: IDEA })).toHaveCount(1);
	await expect(titlesIn(other.page, 'Idées & signaux')).toHaveCount(0);
	await expect(page).toHaveURL(new RegExp(`/b/${boardId}$`)); // the lifting finger did not open the card

	// Review → Objective by touch: the same gate as a drag or the keyboard refuses it.
	await dragByTouch(page, cdp, REVIEW, 'Objectif');
	const refusal = await expectRefusal(page, REVIEW, 'Objectif', ['au moins une force', 'au moins une difficulté']);
	await refusal.getByRole('button', { name: 'Fermer' }).tap();
	await expect(titlesIn(page, 'Revue').filter({ hasText: REVIEW })).toHaveCount(1);
	await expect(titlesIn(other.page, 'Objectif')).toHaveCount(0);
});
