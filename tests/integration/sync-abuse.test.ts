import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createCard } from '../../src/lib/board/commands.ts';
import { readCards } from '../../src/lib/board/schema.ts';
import { CLOSE } from '../../src/lib/domain/close-codes.ts';
import type { Db } from '../../src/lib/server/db/open.ts';
import { createMember, createTestBoard, openTestDb, type Member } from '../factories/accounts.ts';
import { ASK_EVERYTHING, openRawSocket, resetMidUpgrade, updateFrame } from '../factories/raw-socket.ts';
import { startServer, type RunningServer } from '../factories/server.ts';
import { connectClient, eventually, whenSynced } from '../factories/yclient.ts';

let server: RunningServer;
let db: Db;
let alice: Member;
let boardId: string;

beforeAll(async () => {
	server = await startServer();
	db = openTestDb(server.dbPath);
	alice = await createMember(db, 'Alice');
	boardId = await createTestBoard(db, alice);
});

afterAll(async () => {
	await server.stop();
	await db.destroy();
});

async function storedUpdates(id: string): Promise<number> {
	const row = await db
		.selectFrom('board_update')
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.where('board_id', '=', id)
		.executeTakeFirstOrThrow();
	return Number(row.n);
}

describe('a member flooding the sync endpoint', () => {
	it('is closed with "too many messages" after a burst of whole-document requests', async () => {
		const socket = openRawSocket(server.url, boardId, alice.cookie);
		await socket.opened;
		for (let i = 0; i < 500; i++) socket.ws.send(ASK_EVERYTHING);
		expect(await socket.closed).toBe(CLOSE.tooManyMessages);
		expect(server.log()).toMatch(/over its message budget/);
	});

	it('leaves the other members editing', async () => {
		const writer = connectClient(server.url, boardId, alice.cookie);
		const watcher = connectClient(server.url, boardId, alice.cookie);
		await Promise.all([whenSynced(writer), whenSynced(watcher)]);
		createCard(writer.doc, { id: 'after-flood', title: 'after', stage: 'ideas', rank: 'a0', createdBy: alice.userId });
		await eventually(() => readCards(watcher.doc).some((c) => c.id === 'after-flood'), 5000, 'edit after the flood');
		writer.destroy();
		watcher.destroy();
	});
});

describe('an update that cannot integrate', () => {
	it('is refused (out of step) and never stored', async () => {
		const id = await createTestBoard(db, alice, 'Pending');
		// An item whose predecessor (same client, clock 0) is never sent: Yjs would keep it pending for good.
		const forger = new Y.Doc();
		forger.getText('notes').insert(0, 'a');
		const before = Y.encodeStateVector(forger);
		forger.getText('notes').insert(1, 'b');
		const gapped = Y.encodeStateAsUpdate(forger, before);

		const socket = openRawSocket(server.url, id, alice.cookie);
		await socket.opened;
		socket.ws.send(updateFrame(gapped));
		expect(await socket.closed).toBe(CLOSE.outOfStep);
		expect(await storedUpdates(id)).toBe(0);
	});

	it('is accepted once what it builds on has arrived (the same socket, in order)', async () => {
		const id = await createTestBoard(db, alice, 'In order');
		const author = new Y.Doc();
		const updates: Uint8Array[] = [];
		author.on('update', (u: Uint8Array) => updates.push(u));
		author.getText('notes').insert(0, 'a');
		author.getText('notes').insert(1, 'b');
		const socket = openRawSocket(server.url, id, alice.cookie);
		await socket.opened;
		for (const u of updates) socket.ws.send(updateFrame(u));
		const reader = connectClient(server.url, id, alice.cookie);
		await whenSynced(reader);
		await eventually(() => reader.doc.getText('notes').toString() === 'ab', 5000, 'both updates');
		expect(await storedUpdates(id)).toBe(2);
		socket.ws.close();
		reader.destroy();
	});
});

describe('values over the forms’ limits', () => {
	it('a 100 KB title is refused at the door (too large), never stored, and the board keeps going', async () => {
		const id = await createTestBoard(db, alice, 'Limits');
		const writer = connectClient(server.url, id, alice.cookie);
		await whenSynced(writer);
		const closes: number[] = [];
		writer.provider.on('connection-close', (event) => closes.push(event?.code ?? 0));
		const stored = await storedUpdates(id);
		createCard(writer.doc, {
			id: 'huge-title',
			title: 'x'.repeat(100_000),
			stage: 'ideas',
			rank: 'a0',
			createdBy: alice.userId
		});
		await eventually(() => closes.includes(CLOSE.tooLarge), 5000, 'the writer told');
		expect(await storedUpdates(id)).toBe(stored);
		expect(server.log()).toMatch(/refused an update of .* with a title of 100000 characters/);
		writer.destroy();
	});

	it('a pasted description over the limit is refused; one at the limit is stored', async () => {
		const id = await createTestBoard(db, alice, 'Descriptions');
		const ok = connectClient(server.url, id, alice.cookie);
		await whenSynced(ok);
		createCard(ok.doc, {
			id: 'fits',
			title: 'fits',
			stage: 'ideas',
			rank: 'a0',
			createdBy: alice.userId,
			description: 'd'.repeat(20_000)
		});
		const reader = connectClient(server.url, id, alice.cookie);
		await eventually(() => readCards(reader.doc).some((c) => c.id === 'fits'), 5000, 'the card at the limit');
		const socket = openRawSocket(server.url, id, alice.cookie);
		await socket.opened;
		const paste = new Y.Doc();
		paste.getText('t').insert(0, 'd'.repeat(20_001));
		socket.ws.send(updateFrame(Y.encodeStateAsUpdate(paste)));
		expect(await socket.closed).toBe(CLOSE.tooLarge);
		ok.destroy();
		reader.destroy();
	});
});

describe('presence under another name', () => {
	it('shows the name and colour of the account, whatever the client sends', async () => {
		const account = await db
			.selectFrom('user')
			.select(['name', 'color'])
			.where('id', '=', alice.userId)
			.executeTakeFirstOrThrow();
		const liar = connectClient(server.url, boardId, alice.cookie);
		const other = connectClient(server.url, boardId, alice.cookie);
		await Promise.all([whenSynced(liar), whenSynced(other)]);
		liar.provider.awareness.setLocalState({
			user: { id: alice.userId, name: 'The Boss', color: '#ff0000' },
			openCard: 'forged'
		});
		const seen = () =>
			other.provider.awareness.getStates().get(liar.doc.clientID) as
				{ user?: { name?: string; color?: string }; openCard?: string } | undefined;
		await eventually(() => seen()?.openCard === 'forged', 5000, 'the presence relayed');
		expect(seen()?.user).toEqual({ id: alice.userId, name: account.name, color: account.color });
		liar.destroy();
		other.destroy();
	});
});

describe('a client resetting its connection mid-upgrade', () => {
	it('does not stop the server, signed in or not', async () => {
		// Refused upgrades (no cookie: the 401 is written to a reset socket) and admitted ones, at a few delays.
		for (let i = 0; i < 30; i++) await resetMidUpgrade(server.url, boardId, i % 2 ? alice.cookie : '', i % 5);
		await new Promise((resolve) => setTimeout(resolve, 300));
		expect(server.log()).not.toContain('ECONNRESET');
		expect((await fetch(`${server.url}/login`)).status).toBe(200);
		const client = connectClient(server.url, boardId, alice.cookie);
		await whenSynced(client);
		client.destroy();
	});
});
