import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLOSE } from '../../src/lib/domain/close-codes.ts';
import { sessionIdFromToken } from '../../src/lib/server/auth/token.ts';
import type { Db } from '../../src/lib/server/db/open.ts';
import { createMember, createTestBoard, openTestDb, type Member } from '../factories/accounts.ts';
import { startServer, type RunningServer } from '../factories/server.ts';
import { logIn as logInThroughPage, postForm, within } from '../factories/forms.ts';
import { connectClient, firstCloseCode, whenSynced, type Client } from '../factories/yclient.ts';

const PASSWORD = 'correct horse battery';
let server: RunningServer;
let db: Db;
const clients: Client[] = [];

beforeAll(async () => {
	server = await startServer();
	db = openTestDb(server.dbPath);
});

afterAll(async () => {
	for (const client of clients) client.destroy();
	await server.stop();
	await db.destroy();
});

const post = (path: string, cookie: string | null, fields: Record<string, string> = {}) =>
	postForm(server.url, path, cookie, fields);

/** A second, real session of the same person: through the login page, as another browser would. */
const logIn = (email: string, password = PASSWORD) => logInThroughPage(server.url, email, password);

async function boardsStatus(cookie: string): Promise<number> {
	return (await fetch(`${server.url}/boards`, { headers: { Cookie: cookie }, redirect: 'manual' })).status;
}

/** A raw y-websocket client on one of `member`'s boards, synced; resolves the first close code it sees. */
async function openSocket(member: Member, cookie: string): Promise<{ closed: Promise<number> }> {
	const client = connectClient(server.url, await createTestBoard(db, member), cookie);
	clients.push(client);
	await whenSynced(client);
	const closed = firstCloseCode(client);
	return { closed };
}

describe('sessions', () => {
	it('a socket whose session is revoked from another session closes with 4401 within 5 s', async () => {
		const alice = await createMember(db, 'Alice');
		const laptop = await logIn(alice.email);
		if (!laptop) throw new Error('login failed');
		const socket = await openSocket(alice, laptop.cookie);

		const page = await (await fetch(`${server.url}/account`, { headers: { Cookie: alice.cookie } })).text();
		expect(page).toContain(laptop.sessionId);
		expect(page).toContain('Cette session');

		const res = await post('/account?/revoke', alice.cookie, { sessionId: laptop.sessionId });
		expect(res.status).toBe(200);
		expect(await res.text()).toContain('Session révoquée.');
		expect(await within(socket.closed, 5000, 'socket closed')).toBe(CLOSE.unauthorized);
		expect(await boardsStatus(laptop.cookie)).toBe(303);
		expect(await boardsStatus(alice.cookie)).toBe(200);
	});

	it("refuses someone else's session, and one's current session, as not found", async () => {
		const alice = await createMember(db, 'Alice');
		const bob = await createMember(db, 'Bob');
		expect((await post('/account?/revoke', alice.cookie, { sessionId: sessionIdFromToken(bob.token) })).status).toBe(
			404
		);
		expect(await boardsStatus(bob.cookie)).toBe(200);
		expect((await post('/account?/revoke', alice.cookie, { sessionId: sessionIdFromToken(alice.token) })).status).toBe(
			404
		);
		expect((await post('/account?/revoke', alice.cookie, { sessionId: 'not an id' })).status).toBe(404);
		expect(await boardsStatus(alice.cookie)).toBe(200);
	});

	it('"log out everywhere else" ends the other sessions and their sockets, and keeps this one', async () => {
		const alice = await createMember(db, 'Alice');
		const [phone, tablet] = await Promise.all([logIn(alice.email), logIn(alice.email)]);
		if (!phone || !tablet) throw new Error('login failed');
		const socket = await openSocket(alice, phone.cookie);
		expect((await post('/account?/revokeOthers', alice.cookie)).status).toBe(200);
		expect(await within(socket.closed, 5000, 'socket closed')).toBe(CLOSE.unauthorized);
		expect(await boardsStatus(phone.cookie)).toBe(303);
		expect(await boardsStatus(tablet.cookie)).toBe(303);
		expect(await boardsStatus(alice.cookie)).toBe(200);
	});

	it('sends anonymous visitors to the login page', async () => {
		const res = await post('/account?/revokeOthers', null);
		expect(res.status).toBe(303);
		expect(res.headers.get('location')).toBe('/login?next=%2Faccount');
	});
});

describe('change password', () => {
	const change = (member: Member, fields: Record<string, string>) => post('/account?/password', member.cookie, fields);

	it('with a wrong current password: a clear error, and nothing changes', async () => {
		const carol = await createMember(db, 'Carol');
		const other = await logIn(carol.email);
		if (!other) throw new Error('login failed');
		const res = await change(carol, {
			current: 'not my password',
			next: 'a brand new password',
			confirm: 'a brand new password',
			endOthers: 'on'
		});
		expect(res.status).toBe(400);
		expect(await res.text()).toContain('Le mot de passe actuel est incorrect : rien n’a été modifié.');
		expect(await boardsStatus(other.cookie)).toBe(200);
		expect(await logIn(carol.email)).not.toBeNull();
	});

	it('refuses a short new password and a confirmation that differs', async () => {
		const carol = await createMember(db, 'Carol');
		const short = await change(carol, { current: PASSWORD, next: 'short', confirm: 'short' });
		expect(short.status).toBe(400);
		expect(await short.text()).toContain('au moins 10 caractères');
		const mismatch = await change(carol, { current: PASSWORD, next: 'a brand new password', confirm: 'another one!!' });
		expect(mismatch.status).toBe(400);
		expect(await mismatch.text()).toContain('ne correspondent pas');
		expect(await logIn(carol.email)).not.toBeNull();
	});

	it('slows wrong current passwords down (a delay, not a lock): the right one still works after', async () => {
		const dave = await createMember(db, 'Dave');
		const fields = { next: 'a brand new password', confirm: 'a brand new password' };
		for (let i = 0; i < 4; i++)
			expect((await change(dave, { current: `wrong guess ${i}`, ...fields })).status).toBe(400);
		const started = Date.now();
		const res = await change(dave, { current: PASSWORD, ...fields });
		expect(res.status).toBe(200);
		expect(Date.now() - started).toBeGreaterThanOrEqual(2000); // 4 failures: 2 s
	});

	it('refuses a new password that is one of the most common ones', async () => {
		const fay = await createMember(db, 'Fay');
		const res = await change(fay, { current: PASSWORD, next: 'Password123', confirm: 'Password123' });
		expect(res.status).toBe(400);
		expect(await res.text()).toContain('fait partie des plus courants');
	});

	it('with "log out my other sessions": the others and their sockets end, this one stays', async () => {
		const erin = await createMember(db, 'Erin');
		const other = await logIn(erin.email);
		if (!other) throw new Error('login failed');
		const socket = await openSocket(erin, other.cookie);
		const res = await change(erin, {
			current: PASSWORD,
			next: 'a brand new password',
			confirm: 'a brand new password',
			endOthers: 'on'
		});
		expect(res.status).toBe(200);
		expect(await res.text()).toContain('Mot de passe modifié. Vos autres sessions ont été déconnectées.');
		expect(await within(socket.closed, 5000, 'socket closed')).toBe(CLOSE.unauthorized);
		expect(await boardsStatus(other.cookie)).toBe(303);
		expect(await boardsStatus(erin.cookie)).toBe(200);
		expect(await logIn(erin.email, 'a brand new password')).not.toBeNull();
		expect(await logIn(erin.email, PASSWORD)).toBeNull();
	});

	it('without it, the other sessions stay', async () => {
		const frank = await createMember(db, 'Frank');
		const other = await logIn(frank.email);
		if (!other) throw new Error('login failed');
		const fields = { current: PASSWORD, next: 'a brand new password', confirm: 'a brand new password' };
		const res = await change(frank, fields);
		expect(res.status).toBe(200);
		expect(await res.text()).toContain('Mot de passe modifié.');
		expect(await boardsStatus(other.cookie)).toBe(200);
	});
});
