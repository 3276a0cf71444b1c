import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { renameCard } from '../../src/lib/board/commands.ts';
import { NOT_SHARED, setSharing } from '../../src/lib/board/sharing.ts';
import { cardSignals } from '../../src/lib/board/signals.ts';
import type { Db } from '../../src/lib/server/db/open.ts';
import { createMember, createTestBoard, openTestDb, type Member } from '../factories/accounts.ts';
import { createPerson } from '../factories/people.ts';
import { until, writeCards, type SeedCard } from '../factories/portal.ts';
import { followPortalEvents } from '../factories/portal-events.ts';
import { startServer, type RunningServer } from '../factories/server.ts';
import { connectClient, connectFeed, eventually, whenSynced, type Client } from '../factories/yclient.ts';

let server: RunningServer;
let db: Db;
let owner: Member;
let acme: Member;
let biocoop: Member;
let boardId: string;
let ids: string[];
const clients: Client[] = [];

const CARDS: (SeedCard & { description: string })[] = [
	{ title: 'Pour tous les invités', description: 'Interne : marge 12 %', sharing: { mode: 'all' } },
	{
		title: 'Pour Acme seulement',
		description: 'Interne : négociation Acme',
		sharing: { mode: 'companies', companies: ['Acme'] }
	},
	{
		title: 'Pour Biocoop seulement',
		description: 'Interne : Biocoop',
		sharing: { mode: 'companies', companies: ['Biocoop'] }
	},
	{ title: 'Projet interne confidentiel', description: 'Interne : rachat' },
	{ title: 'Archivée partagée', description: 'Interne : abandon', sharing: { mode: 'all' }, archived: true }
];

beforeAll(async () => {
	server = await startServer();
	db = openTestDb(server.dbPath);
	owner = await createMember(db, 'Owner');
	acme = await createPerson(db, owner.organizationId, 'Alice', 'guest', 'Acme');
	biocoop = await createPerson(db, owner.organizationId, 'Bruno', 'guest', 'Biocoop');
	boardId = await createTestBoard(db, owner, 'Vrac');
	ids = await writeCards(server.url, db, owner, boardId, [
		{
			...CARDS[0]!,
			checkIns: [
				{ value: 50, note: 'Note publique', shared: true },
				{ value: 80, note: 'Note privée', shared: false }
			]
		},
		...CARDS.slice(1)
	]);
});

afterAll(async () => {
	for (const client of clients) client.destroy();
	await server.stop();
	await db.destroy();
});

const get = (who: Member | null, path: string) =>
	fetch(`${server.url}${path}`, { headers: who ? { Cookie: who.cookie } : {}, redirect: 'manual' });

function postFeedback(who: Member, board: string, fields: Record<string, string>): Promise<Response> {
	return fetch(`${server.url}/portal/${board}?/feedback`, {
		method: 'POST',
		headers: { Origin: server.url, Cookie: who.cookie, 'Content-Type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams(fields),
		redirect: 'manual'
	});
}

function doorStatus(who: Member): Promise<number> {
	return new Promise((resolve) => {
		const ws = new WebSocket(`${server.url.replace('http', 'ws')}/sync/${boardId}`, {
			headers: { Cookie: who.cookie, Origin: server.url }
		});
		ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
		ws.on('open', () => (resolve(101), ws.close()));
		ws.on('error', () => {});
	});
}

describe('the guest portal', () => {
	it('shows a guest exactly the cards shared with them, and nothing internal', async () => {
		const res = await get(acme, `/portal/${boardId}`);
		expect(res.status).toBe(200);
		const html = await res.text();
		expect(html).toContain('Pour tous les invités');
		expect(html).toContain('Pour Acme seulement');
		expect(html).toContain('Note publique');
		for (const hidden of ['Pour Biocoop seulement', 'Projet interne confidentiel', 'Archivée partagée', 'Note privée'])
			expect(html).not.toContain(hidden);
		for (const card of CARDS) expect(html).not.toContain(card.description);
		expect(html).not.toContain(owner.email);

		const other = await (await get(biocoop, `/portal/${boardId}`)).text();
		expect(other).toContain('Pour Biocoop seulement');
		expect(other).not.toContain('Pour Acme seulement');
	});

	it('lists the boards with cards shared with the guest', async () => {
		const res = await get(acme, '/portal');
		expect(res.status).toBe(200);
		const html = await res.text();
		expect(html).toContain(`/portal/${boardId}`);
		expect(html).not.toContain('Pour Acme seulement'); // the list names boards, not cards
	});

	it('refuses everyone else: 404 for boards with nothing shared, 403 for members, login for strangers', async () => {
		const unshared = await createTestBoard(db, owner, 'Rien de partagé');
		expect((await get(acme, `/portal/${unshared}`)).status).toBe(404);
		expect((await get(acme, `/portal/${unshared}/events`)).status).toBe(404);
		const stranger = await createMember(db, 'Stranger');
		const guestElsewhere = await createPerson(db, stranger.organizationId, 'Gilles', 'guest', 'Acme');
		expect((await get(guestElsewhere, `/portal/${boardId}`)).status).toBe(404);
		expect((await get(owner, '/portal')).status).toBe(403);
		expect((await get(owner, `/portal/${boardId}`)).status).toBe(403);
		const anonymous = await get(null, `/portal/${boardId}`);
		expect(anonymous.status).toBe(303);
		expect(anonymous.headers.get('location')).toMatch(/^\/login/);
	});

	it('never lets a guest open the board document', async () => {
		expect(await doorStatus(acme)).toBe(404);
		expect(await doorStatus(owner)).toBe(101);
		expect((await get(acme, `/b/${boardId}`)).status).toBe(404);
	});

	it("a guest's feedback becomes a signal on the member's live card, with the guest's company", async () => {
		const member = connectFeed(server.url, boardId, owner.cookie);
		clients.push(member);
		await whenSynced(member);
		const res = await postFeedback(acme, boardId, { cardId: ids[1]!, kind: 'fails', text: '  Trop cher pour nous  ' });
		expect(res.status).toBe(200);
		await eventually(() => cardSignals(member.doc, ids[1]!).length === 1, 5000, 'the signal');
		expect(cardSignals(member.doc, ids[1]!)[0]).toMatchObject({
			kind: 'fails',
			text: 'Trop cher pour nous',
			company: 'Acme',
			by: acme.userId
		});
	});

	it('refuses feedback on a card not shared with the guest (404) and invalid feedback (400)', async () => {
		for (const cardId of [ids[2]!, ids[3]!, ids[4]!, 'not-an-id'])
			expect((await postFeedback(acme, boardId, { cardId, kind: 'idea', text: 'Coucou' })).status).toBe(404);
		expect((await postFeedback(owner, boardId, { cardId: ids[0]!, kind: 'idea', text: 'Moi' })).status).toBe(404);
		expect((await postFeedback(acme, boardId, { cardId: ids[0]!, kind: 'idea', text: ' ' })).status).toBe(400);
		expect((await postFeedback(acme, boardId, { cardId: ids[0]!, kind: 'love', text: 'Bien' })).status).toBe(400);
		const check = connectFeed(server.url, boardId, owner.cookie);
		clients.push(check);
		await whenSynced(check);
		for (const id of [ids[0]!, ids[2]!, ids[3]!, ids[4]!]) expect(cardSignals(check.doc, id)).toEqual([]);
	});

	it('two guests writing at once both keep their signal', async () => {
		const sends = [acme, biocoop].map((who, i) =>
			postFeedback(who, boardId, { cardId: ids[0]!, kind: 'idea', text: `Idée ${i}` })
		);
		expect((await Promise.all(sends)).map((r) => r.status)).toEqual([200, 200]);
		const check = connectFeed(server.url, boardId, owner.cookie);
		clients.push(check);
		await whenSynced(check);
		await eventually(() => cardSignals(check.doc, ids[0]!).length === 2, 5000, 'both signals');
		expect(
			cardSignals(check.doc, ids[0]!)
				.map((s) => s.company)
				.sort()
		).toEqual(['Acme', 'Biocoop']);
	});

	it('tells the open portal, without any card data, when a shared card changes', async () => {
		const events = await followEvents(acme, boardId);
		const received = () => events.received;

		const member = connectClient(server.url, boardId, owner.cookie);
		clients.push(member);
		await whenSynced(member);
		renameCard(member.doc, ids[3]!, 'Projet interne renommé'); // not shared: no event
		await until(async () => {
			const row = await db.selectFrom('card').select('title').where('id', '=', ids[3]!).executeTakeFirst();
			return row?.title === 'Projet interne renommé';
		}, 'the internal rename');
		await new Promise((r) => setTimeout(r, 400));
		expect(received()).not.toContain('changed');

		renameCard(member.doc, ids[0]!, 'Pour tous, renommée');
		await until(async () => received().includes('event: changed'), 'the changed event');
		expect(received()).not.toContain('renommée');
		await events.stop();
		const page = await (await get(acme, `/portal/${boardId}`)).text();
		expect(page).toContain('Pour tous, renommée');
	});

	it("unsharing a guest's last card empties their open portal, and a later share reaches it", async () => {
		const board = await createTestBoard(db, owner, 'Un seul partage');
		const [only] = (await writeCards(server.url, db, owner, board, [
			{ title: 'Seule carte partagée', sharing: { mode: 'all' } }
		])) as [string];
		const events = await followEvents(acme, board);
		const member = connectClient(server.url, board, owner.cookie);
		clients.push(member);
		await whenSynced(member);
		const changes = () => events.received.split('event: changed').length - 1;

		setSharing(member.doc, only, NOT_SHARED);
		await until(async () => changes() === 1, 'the changed event for the unshare');
		const emptied = await fetch(`${server.url}/portal/${board}/__data.json`, { headers: { Cookie: acme.cookie } });
		expect(emptied.status).toBe(200);
		expect(await emptied.text()).not.toContain('Seule carte partagée');

		setSharing(member.doc, only, { mode: 'all' });
		await until(async () => changes() === 2, 'the changed event for the new share');
		await events.stop();
		expect(await (await get(acme, `/portal/${board}`)).text()).toContain('Seule carte partagée');
	});
});

const followEvents = (who: Member, board: string) => followPortalEvents(server.url, who, board);
