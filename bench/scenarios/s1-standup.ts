import type { BrowserContext } from '@playwright/test';
import { STAGES } from '../../src/lib/domain/stages.ts';
import { newId } from '../../src/lib/server/ids.ts';
import { closeStandup, startStandup } from '../../src/lib/server/services/standups.ts';
import { buildBoard } from '../lib/boards.ts';
import { launchBrowser, loggedInContext } from '../lib/browser.ts';
import type { Row, Scenario } from '../lib/scenario.ts';
import { summarize } from '../lib/stats.ts';
import { startOurs, type Ours } from '../lib/targets.ts';

const CARDS = 30;
const EVENTS_PER_CARD = 12; // a busy week: moves, check-ins, comments, signals, decisions
const RUNS = 5;
const DAY = 86_400_000;

/** A 30-card board whose last stand-up was a week ago, with a week of logged events on every card. */
async function seedWeek(ours: Ours): Promise<string> {
	const { update, cardIds } = buildBoard(CARDS, 0, ours.member.userId);
	const boardId = await ours.addBoard(update);
	const now = Date.now();
	const previous = await startStandup(ours.db, {
		boardId,
		facilitatorId: ours.member.userId,
		locale: 'fr',
		timeBox: 90,
		now: now - 7 * DAY - 3_600_000
	});
	await closeStandup(ours.db, previous.id, { endedAt: now - 7 * DAY } as never);
	const kinds = [
		['moved', { from: 'ideas', to: 'review' }],
		['comment', { commentId: 'c', excerpt: 'Bonne idée, on en parle lundi' }],
		['signal', { signalId: 's', source: 'client' }],
		['signal', { signalId: 's', kind: 'works', company: 'Client SA' }],
		['action', { standupId: previous.id, text: 'Relancer le fournisseur', ownerId: null, due: null }]
	] as const;
	await ours.db.transaction().execute(async (trx) => {
		for (const [c, cardId] of cardIds.entries())
			for (let e = 0; e < EVENTS_PER_CARD; e++) {
				const [kind, data] = kinds[(c + e) % kinds.length]!;
				await trx
					.insertInto('card_event')
					.values({
						id: newId(),
						board_id: boardId,
						card_id: cardId,
						kind,
						actor_id: ours.member.userId,
						data: JSON.stringify(kind === 'moved' ? { from: STAGES[0], to: STAGES[1] } : data),
						created_at: now - 7 * DAY + ((c * EVENTS_PER_CARD + e) * 7 * DAY) / (CARDS * EVENTS_PER_CARD)
					})
					.execute();
			}
	});
	return boardId;
}

/** The manager starts the stand-up (the form action), as the browser's form would. */
async function startMeeting(ours: Ours, boardId: string): Promise<string> {
	const res = await fetch(`${ours.server.url}/b/${boardId}/standup?/start`, {
		method: 'POST',
		headers: {
			Origin: ours.server.url,
			Cookie: ours.member.cookie,
			Accept: 'text/html',
			'Content-Type': 'application/x-www-form-urlencoded'
		},
		body: '',
		redirect: 'manual'
	});
	const location = res.headers.get('location');
	if (res.status !== 303 || !location) throw new Error(`stand-up did not start: ${res.status}`);
	return location;
}

/** The server's part: the view's HTML, the agenda computed from the log and the live document. */
async function renderTimes(ours: Ours, path: string): Promise<number[]> {
	const times: number[] = [];
	for (let i = 0; i < RUNS * 2; i++) {
		const t = performance.now();
		const res = await fetch(ours.server.url + path, { headers: { Cookie: ours.member.cookie } });
		await res.text();
		times.push(performance.now() - t);
	}
	return times;
}

/** Navigation → the first card and the whole walk on screen, and the page hydrated. */
async function openView(context: BrowserContext, url: string): Promise<number> {
	const page = await context.newPage();
	try {
		await page.goto(url, { waitUntil: 'commit' });
		await page.getByTestId('standup-card-title').waitFor();
		await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
		await page.waitForFunction((n) => document.querySelectorAll('ol.agenda > li').length >= n, CARDS);
		return page.evaluate(() => performance.now());
	} finally {
		await page.close();
	}
}

export const s1: Scenario = {
	id: 'S1',
	title: 'stand-up view, 30 cards with a week of events',
	async run() {
		const ours = await startOurs();
		const browser = await launchBrowser();
		try {
			const boardId = await seedWeek(ours);
			const path = await startMeeting(ours, boardId);
			const context = await loggedInContext(browser, ours);
			await openView(context, ours.server.url + path); // scripts cached, as on a second visit
			const opens: number[] = [];
			for (let i = 0; i < RUNS; i++) opens.push(await openView(context, ours.server.url + path));
			const open = summarize(opens).p50;
			const render = summarize(await renderTimes(ours, path)).p50;
			const base = { id: 'S1', unit: 'ms', bare: null, note: 'issue 6; no bare counterpart' };
			const rows: Row[] = [
				{
					...base,
					scenario: `${this.title} (median of ${RUNS})`,
					metric: 'navigation → walk and first card shown, hydrated',
					ours: open,
					goal: '≤ 1 s',
					met: open <= 1000
				},
				{
					...base,
					scenario: `${this.title} (median of ${RUNS * 2})`,
					metric: 'server: the view rendered (agenda from the log)',
					ours: render,
					goal: '',
					met: null
				}
			];
			return rows;
		} finally {
			await browser.close();
			await ours.stop();
		}
	}
};
