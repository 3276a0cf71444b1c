import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCard, moveCard, renameCard } from '../../src/lib/board/commands.ts';
import { getCard } from '../../src/lib/board/schema.ts';
import { putEntry } from '../../src/lib/board/section-commands.ts';
import { readFlags } from '../../src/lib/board/feed.ts';
import type { Db } from '../../src/lib/server/db/open.ts';
import { createColleague, createMember, createTestBoard, openTestDb, type Member } from '../factories/accounts.ts';
import { createPerson } from '../factories/people.ts';
import { writeCards } from '../factories/portal.ts';
import { startServer, type RunningServer } from '../factories/server.ts';
import { connectClient, connectFeed, eventually, whenSynced, type Client } from '../factories/yclient.ts';

/**
 * The server's event log, end to end: a raw y-websocket client changes a card, the projection logs
 * what happened (once, even across a restart), and the activity endpoint serves it to members only.
 */

let server: RunningServer;
let db: Db;
let owner: Member;
let member: Member;
let outsider: Member;
let boardId: string;
const clients: Client[] = [];
const CARD = 'events-card-000001';

async function connect(person: Member): Promise<Client> {
	const c = connectClient(server.url, boardId, person.cookie);
	clients.push(c);
	await whenSynced(c);
	return c;
}

async function logged() {
	const rows = await db
		.selectFrom('card_event')
		.select(['kind', 'actor_id', 'data', 'created_at'])
		.where('card_id', '=', CARD)
		.orderBy('created_at')
		.execute();
	return rows.map((r) => ({ kind: r.kind, actor: r.actor_id, data: JSON.parse(r.data) as unknown }));
}

async function loggedCount(count: number, what: string): Promise<void> {
	const start = Date.now();
	while ((await logged()).length < count) {
		if (Date.now() - start > 5000) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(await logged())}`);
		await new Promise((r) => setTimeout(r, 25));
	}
}

const activity = (person: Member, cardId = CARD) =>
	fetch(`${server.url}/b/${boardId}/c/${cardId}/activity`, { headers: { Cookie: person.cookie } });

beforeAll(async () => {
	server = await startServer();
	db = openTestDb(server.dbPath);
	owner = await createMember(db, 'Olivia');
	boardId = await createTestBoard(db, owner);
	member = await createColleague(db, owner, 'Marc');
	outsider = await createMember(db, 'Oscar');
});

afterAll(async () => {
	for (const c of clients) c.destroy();
	await Promise.race([server?.stop(), new Promise((r) => setTimeout(r, 10_000))]);
	await server?.kill();
	await db?.destroy();
});

describe('the card event log', () => {
	it('logs creation, moves, a flagged bypass and a check-in, in order, with their authors', async () => {
		const c = await connect(member);
		createCard(c.doc, {
			id: CARD,
			title: 'Livraison le samedi',
			stage: 'review',
			rank: 'a0',
			createdBy: member.userId
		});
		await loggedCount(1, 'the creation');
		putEntry(c.doc, CARD, 'strengths', 's1', { text: 'Clients fidèles', rank: 'a0' });
		putEntry(c.doc, CARD, 'difficulties', 'd1', { text: 'Petite équipe', rank: 'a0' });
		moveCard(c.doc, CARD, 'objective', 'a1'); // the review's criteria are met
		await loggedCount(2, 'the move');
		moveCard(c.doc, CARD, 'scope', 'a2'); // the objective is empty: a bypass, flagged by the server
		const feed = connectFeed(server.url, boardId, member.cookie);
		clients.push(feed);
		await eventually(() => readFlags(feed.doc, CARD).length === 1, 15_000, 'the flag');
		await loggedCount(4, 'the flag');
		putEntry(c.doc, CARD, 'checkIns', 'checkin-0001', {
			date: '2026-11-20',
			value: 42,
			confidence: 'on-track',
			note: '',
			by: member.userId,
			at: Date.now()
		});
		await loggedCount(5, 'the check-in');
		await new Promise((r) => setTimeout(r, 300)); // nothing more arrives
		const me = member.userId;
		expect(await logged()).toEqual([
			{ kind: 'created', actor: me, data: { stage: 'review' } },
			{ kind: 'moved', actor: me, data: { from: 'review', to: 'objective' } },
			{ kind: 'moved', actor: me, data: { from: 'objective', to: 'scope' } },
			{ kind: 'gate-flagged', actor: me, data: { from: 'objective', to: 'scope', missing: expect.any(Array) } },
			{ kind: 'check-in', actor: me, data: { value: 42, date: '2026-11-20', confidence: 'on-track' } }
		]);
	});

	it('does not log anything twice after a restart, and goes on logging', async () => {
		const before = await logged();
		for (const c of clients.splice(0)) c.destroy();
		expect(await server.stop()).toBe(0);
		server = await startServer({ dbPath: server.dbPath });
		const c = await connect(owner);
		renameCard(c.doc, CARD, 'Livraison le dimanche'); // projected, but not an event
		await eventually(() => getCard(c.doc, CARD)?.get('title') === 'Livraison le dimanche');
		await new Promise((r) => setTimeout(r, 300));
		expect(await logged()).toEqual(before);
		moveCard(c.doc, CARD, 'objective', 'a3');
		await loggedCount(before.length + 1, 'the move after the restart');
		await new Promise((r) => setTimeout(r, 300));
		expect((await logged()).slice(before.length)).toEqual([
			{ kind: 'moved', actor: owner.userId, data: { from: 'scope', to: 'objective' } }
		]);
	});
});

describe("a guest's feedback", () => {
	it('is logged as a signal, with the guest as its author and their company', async () => {
		const guest = await createPerson(db, owner.organizationId, 'Gaëlle', 'guest', 'Épicerie Dupont');
		const [cardId] = await writeCards(server.url, db, owner, boardId, [
			{ title: 'Partagée', sharing: { mode: 'all' } }
		]);
		const res = await fetch(`${server.url}/portal/${boardId}?/feedback`, {
			method: 'POST',
			headers: { Origin: server.url, Cookie: guest.cookie, 'Content-Type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams({ cardId: cardId!, kind: 'idea', text: 'Livrez aussi le lundi' }),
			redirect: 'manual'
		});
		expect(res.status).toBe(200);
		const rows = await db
			.selectFrom('card_event')
			.select(['kind', 'actor_id', 'data'])
			.where('card_id', '=', cardId!)
			.where('kind', '=', 'signal')
			.execute();
		expect(rows).toHaveLength(1);
		expect(rows[0]?.actor_id).toBe(guest.userId);
		expect(JSON.parse(rows[0]!.data)).toEqual({
			signalId: expect.any(String),
			kind: 'idea',
			company: 'Épicerie Dupont'
		});
	});
});

describe('the activity endpoint', () => {
	it("gives a member the card's events, newest first", async () => {
		const response = await activity(member);
		expect(response.status).toBe(200);
		const { events } = (await response.json()) as { events: { kind: string; actorId: string | null }[] };
		expect(events.map((e) => e.kind)).toEqual(['moved', 'check-in', 'gate-flagged', 'moved', 'moved', 'created']);
		expect(events[0]?.actorId).toBe(owner.userId);
	});

	it('answers 404 to a member of another organisation, and for a card not on the board', async () => {
		expect((await activity(outsider)).status).toBe(404);
		expect((await activity(member, 'no-such-card-00001')).status).toBe(404);
	});
});
