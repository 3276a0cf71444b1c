import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCard } from '../../src/lib/board/commands.ts';
import { readCards } from '../../src/lib/board/schema.ts';
import type { Db } from '../../src/lib/server/db/open.ts';
import { createMember, createTestBoard, openTestDb, type Member } from '../factories/accounts.ts';
import { startServer, type RunningServer } from '../factories/server.ts';
import { connectClient, eventually, whenSynced } from '../factories/yclient.ts';

let server: RunningServer;
let db: Db;
let alice: Member;
let mallory: Member;
let boardId: string;
let otherBoardId: string;

beforeAll(async () => {
	server = await startServer();
	db = openTestDb(server.dbPath);
	alice = await createMember(db, 'Alice');
	mallory = await createMember(db, 'Mallory'); // another organisation
	boardId = await createTestBoard(db, alice);
	otherBoardId = await createTestBoard(db, alice, 'Other');
});

afterAll(async () => {
	await server.stop();
	await db.destroy();
});

interface Outcome {
	status: number | null;
	bytes: number;
	closeCode: number | null;
}

/** Opens a raw socket and reports the HTTP refusal or the close code, and how many bytes arrived. */
function attempt(path: string, headers: Record<string, string>, send?: (ws: WebSocket) => void): Promise<Outcome> {
	return new Promise((resolve) => {
		const ws = new WebSocket(server.url.replace('http', 'ws') + path, { headers });
		let bytes = 0;
		ws.on('message', (data: Buffer) => (bytes += data.length));
		ws.on('unexpected-response', (_req, res) => resolve({ status: res.statusCode ?? null, bytes, closeCode: null }));
		ws.on('open', () => send?.(ws));
		ws.on('close', (code) => resolve({ status: 101, bytes, closeCode: code }));
		ws.on('error', () => {});
	});
}

const good = () => ({ Cookie: alice.cookie, Origin: server.url });

describe('the door of /sync', () => {
	it('refuses an upgrade without a session, with no document byte', async () => {
		expect(await attempt(`/sync/${boardId}`, { Origin: server.url })).toEqual({
			status: 401,
			bytes: 0,
			closeCode: null
		});
	});

	it('refuses a forged session token', async () => {
		const outcome = await attempt(`/sync/${boardId}`, {
			Cookie: 'session=abcdefghijklmnopqrstuvwxyz234567',
			Origin: server.url
		});
		expect(outcome.status).toBe(401);
	});

	it('refuses a foreign Origin and a missing one', async () => {
		expect((await attempt(`/sync/${boardId}`, { ...good(), Origin: 'https://evil.example' })).status).toBe(403);
		expect((await attempt(`/sync/${boardId}`, { Cookie: alice.cookie })).status).toBe(403);
	});

	it('answers 404 to a member of another organisation and to an unknown board', async () => {
		expect(await attempt(`/sync/${boardId}`, { Cookie: mallory.cookie, Origin: server.url })).toEqual({
			status: 404,
			bytes: 0,
			closeCode: null
		});
		expect((await attempt('/sync/doesNotExist12345', good())).status).toBe(404);
	});

	it('answers 404 on the board page to a non-member', async () => {
		const res = await fetch(`${server.url}/b/${boardId}`, { headers: { Cookie: mallory.cookie }, redirect: 'manual' });
		expect(res.status).toBe(404);
		expect(await res.text()).not.toContain('Board');
	});
});

describe('hostile and malformed frames close only that connection', () => {
	const frames: [string, (ws: WebSocket) => void, number][] = [
		['a text frame', (ws) => ws.send('hello'), 4400],
		['a truncated sync message', (ws) => ws.send(Uint8Array.from([0, 0, 50, 1, 2])), 4400],
		['random bytes', (ws) => ws.send(Uint8Array.from([0, 2, 12, 200, 17, 3, 9, 255, 255, 1, 0, 7, 7, 7])), 4400],
		['an unknown message type', (ws) => ws.send(Uint8Array.from([9, 0, 0])), 4400],
		[
			'a varint overflow',
			(ws) => ws.send(Uint8Array.from([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f])),
			4400
		],
		['a frame over 1 MiB', (ws) => ws.send(new Uint8Array(1024 * 1024 + 10)), 1009]
	];

	for (const [name, send, code] of frames) {
		it(`${name} → close ${code}, and the server keeps serving`, async () => {
			const watcher = connectClient(server.url, otherBoardId, alice.cookie);
			const writer = connectClient(server.url, otherBoardId, alice.cookie);
			await Promise.all([whenSynced(watcher), whenSynced(writer)]);
			const outcome = await attempt(`/sync/${boardId}`, good(), send);
			expect(outcome.closeCode).toBe(code);
			const id = `after-${code}-${Date.now()}`;
			createCard(writer.doc, { id, title: id, stage: 'ideas', rank: 'a0', createdBy: alice.userId });
			await eventually(() => readCards(watcher.doc).some((c) => c.id === id), 5000, 'edit after the bad frame');
			watcher.destroy();
			writer.destroy();
		});
	}

	it('logs one line per rejected connection', () => {
		expect(server.log()).toMatch(/closed a connection: .*text frame/);
	});
});
