import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/lib/server/db/open.ts';
import { createMember, openTestDb, type Member } from '../factories/accounts.ts';
import { startServer, type RunningServer } from '../factories/server.ts';

let server: RunningServer;
let db: Db;
let alice: Member;

beforeAll(async () => {
	server = await startServer();
	db = openTestDb(server.dbPath);
	alice = await createMember(db, 'Alice');
});

afterAll(async () => {
	await server.stop();
	await db.destroy();
});

/** A browser's plain form post (Accept: text/html), not SvelteKit's enhanced fetch. */
function login(email: string, password: string): Promise<Response> {
	return fetch(`${server.url}/login`, {
		method: 'POST',
		headers: { Origin: server.url, 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'text/html' },
		body: new URLSearchParams({ email, password }),
		redirect: 'manual'
	});
}

describe('login', () => {
	it('sets an HttpOnly, SameSite=Lax session cookie and stores only its hash', async () => {
		const res = await login(alice.email, 'correct horse battery');
		expect(res.status).toBe(303);
		const cookie = res.headers.get('set-cookie') ?? '';
		expect(cookie).toMatch(/^session=[a-z2-7]{32};/);
		expect(cookie).toMatch(/HttpOnly/);
		expect(cookie).toMatch(/SameSite=Lax/);
		const token = /^session=([^;]+)/.exec(cookie)?.[1] ?? '';
		const stored = await db.selectFrom('session').select('id').where('id', '=', token).executeTakeFirst();
		expect(stored).toBeUndefined();
	});

	it('answers an unknown email and a wrong password the same way', async () => {
		const unknown = await (await login('nobody@example.test', 'whatever password')).text();
		const wrong = await (await login(alice.email, 'wrong password!')).text();
		expect(unknown).toContain('E-mail ou mot de passe incorrect.');
		expect(wrong).toContain('E-mail ou mot de passe incorrect.');
	});

	it('throttles an account after repeated failures, even with the right password', async () => {
		const victim = await createMember(db, 'Victim');
		for (let i = 0; i < 4; i++) await login(victim.email, `wrong ${i} password`);
		const res = await login(victim.email, 'correct horse battery');
		expect(res.status).toBe(429);
		expect(await res.text()).toContain('Trop de tentatives');
	});

	it('logout deletes the session on the server', async () => {
		const member = await createMember(db, 'Leaving');
		const res = await fetch(`${server.url}/logout`, {
			method: 'POST',
			headers: {
				Origin: server.url,
				Cookie: member.cookie,
				'Content-Type': 'application/x-www-form-urlencoded',
				Accept: 'text/html'
			},
			redirect: 'manual'
		});
		expect(res.status).toBe(303);
		const after = await fetch(`${server.url}/boards`, { headers: { Cookie: member.cookie }, redirect: 'manual' });
		expect(after.status).toBe(303);
		expect(after.headers.get('location')).toMatch(/^\/login/);
	});
});
