import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StandupSummary } from '../../src/lib/domain/standup/record.ts';
import { summaryMarkdown } from '../../src/lib/i18n/summary-markdown.ts';
import type { Db } from '../../src/lib/server/db/open.ts';
import { closeStandup, readCadence, startStandup } from '../../src/lib/server/services/standups.ts';
import { createMember, createTestBoard, openTestDb, type Member } from '../factories/accounts.ts';
import { createPerson } from '../factories/people.ts';
import { startServer, type RunningServer } from '../factories/server.ts';

/** The stand-up's written record on the real server (print page and Markdown), and the board's cadence. */
let server: RunningServer;
let db: Db;
let owner: Member;
let manager: Member;
let member: Member;
let outsider: Member;
let boardId: string;
let closedId: string;
let runningId: string;

const startedAt = Date.parse('2026-11-23T08:30:00Z');

function summaryOf(boardName: string): StandupSummary {
	return {
		boardName,
		locale: 'en',
		timeZone: 'Europe/Paris',
		facilitator: 'Claire',
		since: startedAt - 7 * 86_400_000,
		startedAt,
		endedAt: startedAt + 14 * 60_000,
		attendees: ['Claire', 'Karim'],
		reviewed: [{ cardId: 'c1', title: 'Vitrine', seconds: 95 }],
		perStage: { ideas: 2, review: 1, objective: 0, scope: 0, rollout: 1, outcome: 0 },
		atRisk: [{ cardId: 'c2', title: 'Tournée', status: 'at-risk', missed: 1 }],
		decisions: [{ cardId: 'c1', title: 'Vitrine', text: '<b>Order</b> *lights*', owner: 'Karim', due: '2026-11-27' }],
		outcomes: [],
		signals: { guest: 3, member: 2 }
	};
}

beforeAll(async () => {
	server = await startServer();
	db = openTestDb(server.dbPath);
	owner = await createMember(db, 'Claire');
	manager = await createPerson(db, owner.organizationId, 'Karim', 'manager');
	member = await createPerson(db, owner.organizationId, 'Lina', 'member');
	outsider = await createMember(db, 'Externe');
	boardId = await createTestBoard(db, owner, 'Hebdo');
	const closed = await startStandup(db, {
		boardId,
		facilitatorId: owner.userId,
		locale: 'en',
		timeBox: 90,
		now: startedAt
	});
	expect(await closeStandup(db, closed.id, summaryOf('Hebdo'))).toBe(true);
	closedId = closed.id;
	runningId = (await startStandup(db, { boardId, facilitatorId: owner.userId, locale: 'fr', timeBox: 90 })).id;
}, 30_000);

afterAll(async () => {
	await server.stop();
	await db.destroy();
});

function get(path: string, who: Member | null) {
	return fetch(server.url + path, {
		headers: { 'Accept-Language': 'fr-FR', ...(who ? { Cookie: who.cookie } : {}) },
		redirect: 'manual'
	});
}

describe('the summary of a closed stand-up', () => {
	it('is a print page in the stand-up’s language (English here, for a French reader)', async () => {
		const res = await get(`/standups/${closedId}`, member);
		expect(res.status).toBe(200);
		const html = await res.text();
		expect(html).toContain('lang="en"');
		expect(html).toMatch(/<h1[^>]*>Hebdo — weekly stand-up of November 23, 2026<\/h1>/);
		expect(html).toContain('9:30 AM to 9:44 AM (Europe/Paris)');
		expect(html).toMatch(/<th scope="col"[^>]*>Decision or action<\/th>/);
		expect(html).toMatch(/<th scope="row"[^>]*>Rollout<\/th>(<!--[^>]*-->)*<td[^>]*>1<\/td>/);
		expect(html).toContain('Initiatives needing attention (1)');
		// People's text is shown as text, never as markup.
		expect(html).toContain('&lt;b>Order&lt;/b> *lights*');
		expect(html).not.toContain('<b>Order</b>');
		// Its controls speak the reader's language (French here), only the record the stand-up's.
		expect(html).toContain('>Imprimer</button>');
		expect(html).toContain('>Retour au tableau</a>');
		expect(html).toContain(`href="/standups/${closedId}/summary.md"`);
		expect(html).toMatch(/class="[^"]*print-hidden/);
	});

	it('downloads as Markdown, named after the stand-up’s date', async () => {
		const res = await get(`/standups/${closedId}/summary.md`, member);
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toBe('text/markdown; charset=utf-8');
		expect(res.headers.get('content-disposition')).toBe('attachment; filename="standup-2026-11-23.md"');
		const body = await res.text();
		expect(body).toBe(summaryMarkdown(summaryOf('Hebdo')));
		expect(body).toContain('| \\<b\\>Order\\</b\\> \\*lights\\* | Vitrine | Karim | Nov 27, 2026 |');
	});

	it('is not found for someone of another organisation, nor while the stand-up runs, nor for nonsense ids', async () => {
		for (const path of [`/standups/${closedId}`, `/standups/${closedId}/summary.md`])
			expect((await get(path, outsider)).status).toBe(404);
		for (const path of [`/standups/${runningId}`, `/standups/${runningId}/summary.md`, '/standups/nope'])
			expect((await get(path, member)).status).toBe(404);
	});

	it('sends anonymous visitors to the login page, and back afterwards', async () => {
		for (const path of [`/standups/${closedId}`, `/standups/${closedId}/summary.md`]) {
			const res = await get(path, null);
			expect([302, 303]).toContain(res.status);
			expect(res.headers.get('location')).toBe(`/login?next=${encodeURIComponent(path)}`);
		}
	});
});

describe('the stand-up cadence in the board settings', () => {
	const save = (who: Member, fields: Record<string, string>) =>
		fetch(`${server.url}/b/${boardId}/settings?/standup`, {
			method: 'POST',
			headers: {
				Origin: server.url,
				Cookie: who.cookie,
				Accept: 'text/html',
				'Accept-Language': 'en',
				'Content-Type': 'application/x-www-form-urlencoded'
			},
			body: new URLSearchParams(fields),
			redirect: 'manual'
		});

	it('is stored for a manager, and the next stand-up follows it', async () => {
		const res = await save(manager, { day: '3', time: '14:15', timeBox: '120', length: '20' });
		expect(res.status).toBe(200);
		expect(await readCadence(db, boardId)).toEqual({ day: 3, time: '14:15', timeBox: 120, length: 20 });
		const page = await (await get(`/b/${boardId}/settings`, manager)).text();
		expect(page).toMatch(/Prochain point : mercredi \d+ \S+ \d{4} à 14:15 \(Europe\/Paris\)/);
	});

	it('is refused to a plain member', async () => {
		expect((await save(member, { day: '1', time: '08:00', timeBox: '90', length: '15' })).status).toBe(403);
		expect(await readCadence(db, boardId)).toEqual({ day: 3, time: '14:15', timeBox: 120, length: 20 });
	});

	it('refuses a wrong time or time box with a clear message, and stores nothing', async () => {
		const badTime = await save(manager, { day: '1', time: '25:00', timeBox: '90', length: '15' });
		expect(badTime.status).toBe(400);
		expect(await badTime.text()).toContain('Give the time as HH:MM, for example 09:30.');
		const badBox = await save(manager, { day: '1', time: '08:00', timeBox: '5', length: '15' });
		expect(badBox.status).toBe(400);
		expect(await badBox.text()).toContain('The time per card is a whole number from 30 to 600 seconds.');
		expect((await save(manager, { day: '9', time: '08:00', timeBox: '90', length: '15' })).status).toBe(400);
		const badLength = await save(manager, { day: '1', time: '08:00', timeBox: '90', length: '2' });
		expect(badLength.status).toBe(400);
		expect(await badLength.text()).toContain('Choose from 5 to 120 minutes.');
		expect(await readCadence(db, boardId)).toEqual({ day: 3, time: '14:15', timeBox: 120, length: 20 });
	});
});
