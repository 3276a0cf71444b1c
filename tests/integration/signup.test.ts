import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/lib/server/db/open.ts';
import { createMember, openTestDb, type Member } from '../factories/accounts.ts';
import { until } from '../factories/portal.ts';
import { startServer, type RunningServer } from '../factories/server.ts';
import { startSmtp, type TestSmtp } from '../factories/smtp.ts';

/** Sign-up tells nobody which addresses have an account, and refuses the most common passwords. */
let smtp: TestSmtp;
let server: RunningServer;
let db: Db;
let alice: Member;

beforeAll(async () => {
	smtp = await startSmtp();
	server = await startServer({ env: { SMTP_URL: `smtp://127.0.0.1:${smtp.port}` } });
	db = openTestDb(server.dbPath);
	alice = await createMember(db, 'Alice');
});

afterAll(async () => {
	await server.stop();
	await db.destroy();
	await smtp.stop();
});

function signup(email: string, password = 'a long enough password'): Promise<Response> {
	return fetch(`${server.url}/signup`, {
		method: 'POST',
		headers: { Origin: server.url, 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'text/html' },
		body: new URLSearchParams({ name: 'Mallory', email, organization: 'Curieux SA', password }),
		redirect: 'manual'
	});
}

describe('sign-up', () => {
	it('never says that an address has an account, and tells its owner by e-mail', async () => {
		const res = await signup(alice.email);
		expect(res.status).toBe(303);
		expect(res.headers.get('location')).toBe('/login?signup=check');
		expect(res.headers.get('set-cookie')).toBeNull();
		await until(async () => smtp.received.length === 1, 'the e-mail to the owner');
		expect(smtp.received[0]?.to).toEqual([alice.email]);
		expect(smtp.received[0]?.raw).toContain('Bouture');
		const notice = await (await fetch(`${server.url}/login?signup=check`)).text();
		expect(notice).toContain('aucun autre n’a été créé');
		const accounts = await db.selectFrom('user').select('id').where('email', '=', alice.email).execute();
		expect(accounts).toHaveLength(1);
	});

	it('refuses the most common passwords, whatever their case', async () => {
		for (const password of ['password12', '1234567890', 'AZERTYUIOP', 'Password123']) {
			const res = await signup(`common-${password}@example.test`, password);
			expect(res.status, password).toBe(400);
			expect(await res.text()).toContain('fait partie des plus courants');
		}
		const fine = await signup('uncommon@example.test', 'glycine sous la pluie');
		expect(fine.status).toBe(303);
		expect(fine.headers.get('location')).toBe('/login?signup=check');
	});

	it('answers a new address exactly as a registered one, and the newcomer then logs in', async () => {
		const taken = await signup(alice.email);
		const fresh = await signup('newcomer@example.test', 'glycine sous la neige');
		for (const res of [taken, fresh]) {
			expect(res.status).toBe(303);
			expect(res.headers.get('location')).toBe('/login?signup=check');
			expect(res.headers.get('set-cookie')).toBeNull();
		}
		const login = await fetch(`${server.url}/login`, {
			method: 'POST',
			headers: { Origin: server.url, 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'text/html' },
			body: new URLSearchParams({ email: 'newcomer@example.test', password: 'glycine sous la neige' }),
			redirect: 'manual'
		});
		expect(login.status).toBe(303);
		expect(login.headers.get('location')).toBe('/boards');
	});
});
