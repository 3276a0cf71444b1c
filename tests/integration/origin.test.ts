import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/lib/server/db/open.ts';
import { createMember, createTestBoard, openTestDb, type Member } from '../factories/accounts.ts';
import { startServer, type RunningServer } from '../factories/server.ts';
import { connectClient, whenSynced } from '../factories/yclient.ts';

/** ORIGIN names the public origin, here a plain-http one, as the README says. */
let server: RunningServer;
let db: Db;
let alice: Member;
let origin: string;

/** A port free right now: ORIGIN must name the port before the server starts. */
function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const probe = createServer().listen(0, '127.0.0.1', () => {
			const address = probe.address();
			probe.close(() =>
				typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))
			);
		});
	});
}

beforeAll(async () => {
	const port = await freePort();
	origin = `http://127.0.0.1:${port}`;
	server = await startServer({ port, env: { ORIGIN: origin } });
	db = openTestDb(server.dbPath);
	alice = await createMember(db, 'Alice');
});

afterAll(async () => {
	await server.stop();
	await db.destroy();
});

function login(from: string, host?: string): Promise<Response> {
	return fetch(`${server.url}/login`, {
		method: 'POST',
		headers: {
			Origin: from,
			...(host ? { Host: host } : {}),
			'Content-Type': 'application/x-www-form-urlencoded',
			Accept: 'text/html'
		},
		body: new URLSearchParams({ email: alice.email, password: 'correct horse battery' }),
		redirect: 'manual'
	});
}

describe('ORIGIN', () => {
	it('an http:// ORIGIN lets people log in from that origin', async () => {
		const res = await login(origin);
		expect(res.status).toBe(303);
		expect(res.headers.get('set-cookie')).toMatch(/^session=/);
		expect(res.headers.get('set-cookie')).not.toMatch(/Secure/); // plain http on 127.0.0.1
	});

	it('is the only origin trusted: neither another Origin nor a forged Host gets in', async () => {
		expect((await login('http://evil.example')).status).toBe(403);
		expect((await login('http://evil.example', 'evil.example')).status).toBe(403);
	});

	it('the websocket door admits that origin', async () => {
		const boardId = await createTestBoard(db, alice, 'Origin');
		const client = connectClient(server.url, boardId, alice.cookie, origin);
		try {
			await whenSynced(client);
		} finally {
			client.destroy();
		}
	});
});
