import type { BrowserContextOptions, Locator, Page } from '@playwright/test';
import { expect } from './fixtures.ts';

/** A 390 × 844 phone (an iPhone 12–14 class screen) in Chromium's mobile emulation, with touch. */
export const PHONE: BrowserContextOptions = {
	viewport: { width: 390, height: 844 },
	isMobile: true,
	hasTouch: true,
	deviceScaleFactor: 3
};

/** The narrowest and widest phones we promise to fit. */
export const PHONE_WIDTHS = [360, 390, 430];

/**
 * How far the page scrolls sideways beyond the screen, at each phone width (0: not at all). A phone
 * widens its layout viewport (`innerWidth`) to the content, so the screen's width is the root's
 * `clientWidth`.
 */
export async function sidewaysOverflow(page: Page): Promise<Record<number, number>> {
	const overflow: Record<number, number> = {};
	for (const width of PHONE_WIDTHS) {
		await page.setViewportSize({ width, height: 844 });
		overflow[width] = await page.evaluate(
			() => document.documentElement.scrollWidth - document.documentElement.clientWidth
		);
	}
	await page.setViewportSize({ width: 390, height: 844 });
	return overflow;
}

/** The element lies wholly on the screen (a dialog that opens off-screen cannot be used). */
export async function expectOnScreen(page: Page, element: Locator): Promise<void> {
	await expect(element).toBeVisible();
	const box = await element.boundingBox();
	const screen = page.viewportSize();
	expect(box && screen).toBeTruthy();
	if (!box || !screen) return;
	expect(box.x).toBeGreaterThanOrEqual(0);
	expect(box.y).toBeGreaterThanOrEqual(0);
	expect(box.x + box.width).toBeLessThanOrEqual(screen.width + 0.5);
	expect(box.y + box.height).toBeLessThanOrEqual(screen.height + 0.5);
}
