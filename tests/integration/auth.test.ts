import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/lib/server/db/open.ts';
import { createCard } from '../../src/lib/board/commands.ts';
import { readCards } from '../../src/lib/board/schema.ts';
import { CLOSE } from '../../src/lib/domain/close-codes.ts';
import { createColleague, createMember, createTestBoard, openTestDb, type Member } from '../factories/accounts.ts';
import { startServer, type RunningServer } from '../factories/server.ts';
import { connectClient, eventually, whenSynced } from '../factories/yclient.ts';

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

	it('logout deletes the session on the server', async () => {
		const member = await createMember(db, 'Leaving');
		const res = await logout(member);
		expect(res.status).toBe(303);
		const after = await fetch(`${server.url}/boards`, { headers: { Cookie: member.cookie }, redirect: 'manual' });
		expect(after.status).toBe(303);
		expect(after.headers.get('location')).toMatch(/^\/login/);
	});

	it("logout closes that session's websockets: the old socket neither hears nor writes any more", async () => {
		const boardId = await createTestBoard(db, alice, 'Logout');
		const leaving = await createColleague(db, alice, 'Lea');
		const staying = connectClient(server.url, boardId, alice.cookie);
		const gone = connectClient(server.url, boardId, leaving.cookie);
		try {
			await Promise.all([whenSynced(staying), whenSynced(gone)]);
			const closed = new Promise<number>((resolve) =>
				gone.provider.ws?.addEventListener('close', (event) => resolve(event.code))
			);
			gone.provider.shouldConnect = false; // as a page that does not reconnect: the old socket only
			expect((await logout(leaving)).status).toBe(303);
			// The close frame leaves before the logout's answer; a socket left open would never close.
			const stillOpen = new Promise<string>((resolve) => setTimeout(() => resolve('still open'), 5000));
			expect(await Promise.race([closed, stillOpen])).toBe(CLOSE.unauthorized);
			createCard(gone.doc, { id: 'after_logout', title: 'Ghost', stage: 'ideas', rank: 'a0', createdBy: '' });
			createCard(staying.doc, { id: 'still_here', title: 'Real', stage: 'ideas', rank: 'a1', createdBy: '' });
			await eventually(() => readCards(staying.doc).some((c) => c.title === 'Real'), 5000, 'the staying edit');
			expect(readCards(staying.doc).map((c) => c.title)).toEqual(['Real']);
			expect(readCards(gone.doc).map((c) => c.title)).toEqual(['Ghost']);
		} finally {
			staying.destroy();
			gone.destroy();
		}
	});
});

describe('security headers', () => {
	it('every answer forbids framing and sniffing, keeps the referrer, and pages carry a nonce CSP', async () => {
		const page = await fetch(`${server.url}/login`);
		const csp = page.headers.get('content-security-policy') ?? '';
		expect(csp).toContain("frame-ancestors 'none'");
		expect(csp).toMatch(/script-src 'self' 'nonce-[^']+'/);
		const html = await page.text();
		const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
		expect(html).toContain(`nonce="${nonce}"`);
		for (const res of [page, await fetch(`${server.url}/boards/__data.json`), await fetch(`${server.url}/nowhere`)]) {
			expect(res.headers.get('x-frame-options')).toBe('DENY');
			expect(res.headers.get('x-content-type-options')).toBe('nosniff');
			expect(res.headers.get('referrer-policy')).toBe('same-origin');
		}
	});
});

function logout(member: Member): Promise<Response> {
	return fetch(`${server.url}/logout`, {
		method: 'POST',
		headers: {
			Origin: server.url,
			Cookie: member.cookie,
			'Content-Type': 'application/x-www-form-urlencoded',
			Accept: 'text/html'
		},
		redirect: 'manual'
	});
}
