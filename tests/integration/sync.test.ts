import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCard } from '../../src/lib/board/commands.ts';
import { readCards } from '../../src/lib/board/schema.ts';
import type { Db } from '../../src/lib/server/db/open.ts';
import { createMember, createTestBoard, openTestDb, type Member } from '../factories/accounts.ts';
import { startServer, type RunningServer } from '../factories/server.ts';
import { connectClient, eventually, whenSynced, type Client } from '../factories/yclient.ts';

let server: RunningServer;
let db: Db;
let alice: Member;
let boardId: string;
const clients: Client[] = [];

function client(id = boardId, cookie = alice.cookie): Client {
	const c = connectClient(server.url, id, cookie);
	clients.push(c);
	return c;
}

function addCard(c: Client, id: string, title = id): void {
	createCard(c.doc, { id, title, stage: 'ideas', rank: `a${id}`, createdBy: alice.userId });
}

const titles = (c: Client) =>
	readCards(c.doc)
		.map((card) => card.title)
		.sort();

beforeAll(async () => {
	server = await startServer();
	db = openTestDb(server.dbPath);
	alice = await createMember(db, 'Alice');
	boardId = await createTestBoard(db, alice);
});

afterAll(async () => {
	for (const c of clients) c.destroy();
	await server.stop();
	await db.destroy();
});

describe('sync between clients', () => {
	it('two clients converge on concurrent edits', async () => {
		const [a, b] = [client(), client()];
		await Promise.all([whenSynced(a), whenSynced(b)]);
		addCard(a, 'card-from-a-0001');
		addCard(b, 'card-from-b-0001');
		await eventually(() => titles(a).length === 2 && titles(b).length === 2, 5000, 'both cards everywhere');
		expect(titles(a)).toEqual(['card-from-a-0001', 'card-from-b-0001']);
		expect(titles(b)).toEqual(titles(a));
	});

	it('a late joiner receives the full state', async () => {
		const late = client();
		await whenSynced(late);
		await eventually(() => titles(late).length >= 2, 5000, 'late joiner state');
		expect(titles(late)).toEqual(expect.arrayContaining(['card-from-a-0001', 'card-from-b-0001']));
	});

	it('the projection mirrors cards into the card table', async () => {
		const start = Date.now();
		let rows: { title: string }[] = [];
		while (Date.now() - start < 5000) {
			rows = await db.selectFrom('card').select('title').where('board_id', '=', boardId).execute();
			if (rows.length >= 2) break;
			await new Promise((r) => setTimeout(r, 50));
		}
		expect(rows.map((r) => r.title).sort()).toEqual(['card-from-a-0001', 'card-from-b-0001']);
	});
});

describe('durability', () => {
	it('state survives a graceful restart', async () => {
		const writer = client();
		await whenSynced(writer);
		addCard(writer, 'before-restart-01');
		const reader = client();
		await whenSynced(reader);
		await eventually(() => titles(reader).includes('before-restart-01'));
		for (const c of clients.splice(0)) c.destroy();
		expect(await server.stop()).toBe(0);
		server = await startServer({ dbPath: server.dbPath });
		const fresh = client();
		await whenSynced(fresh);
		await eventually(() => titles(fresh).includes('before-restart-01'), 5000, 'restored state');
	});

	it('SIGKILL during edits loses nothing another client had received', async () => {
		const [a, b] = [client(), client()];
		await Promise.all([whenSynced(a), whenSynced(b)]);
		let n = 0;
		const writing = setInterval(() => {
			addCard(a, `crash-a-${String(n).padStart(4, '0')}`);
			addCard(b, `crash-b-${String(n).padStart(4, '0')}`);
			n += 1;
		}, 5);
		await eventually(() => n >= 60, 10_000, 'some edits');
		await server.kill();
		clearInterval(writing);
		// What each client had received from the other is, by construction, what the server broadcast.
		const seenByB = titles(b).filter((t) => t.startsWith('crash-a-'));
		const seenByA = titles(a).filter((t) => t.startsWith('crash-b-'));
		for (const c of clients.splice(0)) c.destroy(); // they must not re-send their copies
		expect(seenByB.length).toBeGreaterThan(0);
		server = await startServer({ dbPath: server.dbPath });
		const fresh = client();
		await whenSynced(fresh);
		const after = new Set(titles(fresh));
		expect(seenByB.filter((t) => !after.has(t))).toEqual([]);
		expect(seenByA.filter((t) => !after.has(t))).toEqual([]);
	});
});
