import {
	test as base,
	expect,
	type Browser,
	type BrowserContext,
	type BrowserContextOptions,
	type Page
} from '@playwright/test';
import type { Db } from '../../src/lib/server/db/open.ts';
import { createMember, openTestDb, type Member } from '../factories/accounts.ts';
import { startServer, type RunningServer } from '../factories/server.ts';

export interface App {
	server: RunningServer;
	db: Db;
	/** Restarts the server on the same port and database (graceful, or a SIGKILL crash). */
	restart(how?: 'graceful' | 'crash'): Promise<void>;
}

/** A browser context logged in as `member`, in the given language (`options`: e.g. a phone's screen). */
export async function loggedInPage(
	browser: Browser,
	app: App,
	member: Member,
	locale = 'fr-FR',
	options: BrowserContextOptions = {}
): Promise<{ context: BrowserContext; page: Page }> {
	const context = await browser.newContext({ ...options, baseURL: app.server.url, locale });
	const { hostname } = new URL(app.server.url);
	await context.addCookies([
		{ name: 'session', value: member.token, domain: hostname, path: '/', httpOnly: true, sameSite: 'Lax' }
	]);
	return { context, page: await context.newPage() };
}

export const test = base.extend<{ member: Member }, { app: App }>({
	app: [
		// eslint-disable-next-line no-empty-pattern -- Playwright reads fixture dependencies from this pattern
		async ({}, use) => {
			let server = await startServer();
			const db = openTestDb(server.dbPath);
			const app: App = {
				get server() {
					return server;
				},
				db,
				async restart(how = 'graceful') {
					if (how === 'crash') await server.kill();
					else await server.stop();
					server = await startServer({ dbPath: server.dbPath, port: server.port });
				}
			};
			await use(app);
			await db.destroy();
			await server.stop();
		},
		{ scope: 'worker' }
	],
	baseURL: async ({ app }, use) => use(app.server.url),
	member: async ({ app }, use) => use(await createMember(app.db, 'Camille'))
});

export { expect };

/** Navigates and waits until the page is interactive (hydrated), so clicks are not lost. */
export async function gotoReady(page: Page, url: string): Promise<void> {
	await page.goto(url);
	await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
}
