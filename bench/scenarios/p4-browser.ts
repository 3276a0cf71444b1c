import type { BrowserContext } from '@playwright/test';
import { buildBoard } from '../lib/boards.ts';
import { launchBrowser, loggedInContext } from '../lib/browser.ts';
import type { Row, Scenario } from '../lib/scenario.ts';
import { scaled } from '../lib/scenario.ts';
import { summarize } from '../lib/stats.ts';
import { startOurs, type Ours } from '../lib/targets.ts';

const RUNS = 3;

interface Opening {
	hydratedMs: number;
	visibleMs: number;
	interactiveMs: number;
}

/**
 * One navigation to a board, timed by the page's own clock from navigation start: until the page is
 * hydrated (the app's scripts ran), until every card tile is in the page (connected, synced,
 * rendered), then until the board says it is connected and the main thread is free again.
 */
async function openBoard(context: BrowserContext, ours: Ours, boardId: string, cards: number): Promise<Opening> {
	const page = await context.newPage();
	try {
		await page.goto(`${ours.server.url}/b/${boardId}`, { waitUntil: 'commit' });
		const hydrated = await page.waitForFunction(
			() => document.documentElement.hasAttribute('data-hydrated') && performance.now(),
			undefined,
			{ polling: 'raf', timeout: 60_000 }
		);
		const visible = await page.waitForFunction(
			(n) => document.querySelectorAll('[data-testid="card-title"]').length >= n && performance.now(),
			cards,
			{ polling: 'raf', timeout: 60_000 }
		);
		await page.getByRole('status').filter({ hasText: 'Connecté' }).waitFor();
		const interactive = await page.evaluate(
			() => new Promise<number>((resolve) => requestAnimationFrame(() => setTimeout(() => resolve(performance.now()))))
		);
		return {
			hydratedMs: (await hydrated.jsonValue()) as number,
			visibleMs: (await visible.jsonValue()) as number,
			interactiveMs: interactive
		};
	} finally {
		await page.close();
	}
}

export const p4: Scenario = {
	id: 'P4',
	title: 'opening a board in Chromium',
	async run(context) {
		const sizes: [number, number][] = [
			[scaled(context, 1000, 100), 1000],
			[scaled(context, 5000, 500), 3000]
		];
		const ours = await startOurs(context.oursProcess);
		const browser = await launchBrowser();
		const rows: Row[] = [];
		try {
			const session = await loggedInContext(browser, ours);
			const warmup = await ours.addBoard(buildBoard(10).update);
			await openBoard(session, ours, warmup, 10); // the app's scripts in the browser cache, as on a second visit
			for (const [cards, goalMs] of sizes) {
				const boardId = await ours.addBoard(buildBoard(cards).update);
				const runs: Opening[] = [];
				for (let i = 0; i < RUNS; i++) runs.push(await openBoard(session, ours, boardId, cards));
				context.log(
					`${cards} cards: ${runs.map((r) => `${r.visibleMs.toFixed(0)}/${r.interactiveMs.toFixed(0)}`).join(' ')} ms`
				);
				const visible = summarize(runs.map((r) => r.visibleMs)).p50;
				const interactive = summarize(runs.map((r) => r.interactiveMs)).p50;
				const base = {
					id: 'P4',
					scenario: `${this.title}, ${cards} cards (median of ${RUNS})`,
					unit: 'ms',
					bare: null
				};
				rows.push(
					{
						...base,
						metric: 'navigation → page hydrated',
						ours: summarize(runs.map((r) => r.hydratedMs)).p50,
						goal: '',
						met: null,
						note: 'no bare counterpart'
					},
					{
						...base,
						metric: 'navigation → all cards in the page',
						ours: visible,
						goal: '',
						met: null
					},
					{
						...base,
						metric: 'navigation → cards visible and interactive',
						ours: interactive,
						goal: `≤ ${goalMs / 1000} s`,
						met: interactive <= goalMs
					}
				);
			}
		} finally {
			await browser.close();
			await ours.stop();
		}
		return rows;
	}
};
