import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext } from '@playwright/test';
import type { Ours } from './targets.ts';

// Launched as playwright.config.ts does: Debian's Chromium where present.
const executablePath = process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
const ARGS = ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu', '--disable-background-networking'];

export function launchBrowser(): Promise<Browser> {
	return chromium.launch({ executablePath, args: ARGS });
}

/** A French browser context logged in as the bench's member of our server. */
export async function loggedInContext(browser: Browser, ours: Ours): Promise<BrowserContext> {
	const context = await browser.newContext({ baseURL: ours.server.url, locale: 'fr-FR' });
	const { hostname } = new URL(ours.server.url);
	await context.addCookies([
		{ name: 'session', value: ours.member.token, domain: hostname, path: '/', httpOnly: true, sameSite: 'Lax' }
	]);
	return context;
}
