import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/lib/server/db/open.ts';
import { createMember, createTestBoard, openTestDb, type Member } from '../factories/accounts.ts';
import { createPerson } from '../factories/people.ts';
import { writeCards } from '../factories/portal.ts';
import { startServer, type RunningServer } from '../factories/server.ts';

/**
 * Rate limits, as an attacker meets them. Every request here comes from 127.0.0.1, so the tests of
 * limits per IP share one budget per kind: the login spray runs last. Limits count in fixed windows,
 * so each flood sends up to twice the limit (a window may turn over once while it runs).
 */
let server: RunningServer;
let db: Db;
let owner: Member;
let boardId: string;
let cardId: string;

beforeAll(async () => {
	server = await startServer();
	db = openTestDb(server.dbPath);
	owner = await createMember(db, 'Owner');
	boardId = await createTestBoard(db, owner, 'Limites');
	[cardId] = (await writeCards(server.url, db, owner, boardId, [{ title: 'Partagée', sharing: { mode: 'all' } }])) as [
		string
	];
});

afterAll(async () => {
	await server.stop();
	await db.destroy();
});

/** A form post: as a plain browser form (the page comes back), or as the enhanced form's fetch (JSON). */
function post(path: string, fields: Record<string, string>, cookie?: string, enhanced = false): Promise<Response> {
	return fetch(`${server.url}${path}`, {
		method: 'POST',
		headers: {
			Origin: server.url,
			...(cookie ? { Cookie: cookie } : {}),
			'Content-Type': 'application/x-www-form-urlencoded',
			...(enhanced ? { Accept: 'application/json', 'x-sveltekit-action': 'true' } : { Accept: 'text/html' })
		},
		body: new URLSearchParams(fields),
		redirect: 'manual'
	});
}

const login = (email: string, password: string) => post('/login', { email, password });

/** Sends up to `tries` requests; returns how many went through before the first 429, and that answer. */
async function flood(tries: number, send: (i: number) => Promise<Response>) {
	for (let i = 0; i < tries; i++) {
		const res = await send(i);
		if (res.status === 429) return { passed: i, refused: res };
	}
	return { passed: tries, refused: null };
}

describe('rate limits', () => {
	it('comments: a flood gets 429, with the text typed echoed back', async () => {
		const { passed, refused } = await flood(41, (i) =>
			post(`/b/${boardId}/c/${cardId}?/comment`, { body: `Spam numéro ${i}` }, owner.cookie, true)
		);
		expect(passed).toBeGreaterThanOrEqual(20);
		const answer = (await refused?.json()) as { type: string; status: number; data: string } | undefined;
		expect(answer).toMatchObject({ type: 'failure', status: 429 });
		expect(answer?.data).toContain(`Spam numéro ${passed}`);
	});

	it("guest feedback: a flood gets 429 and stops notifying the card's people", async () => {
		const guest = await createPerson(db, owner.organizationId, 'Gaston', 'guest', 'Acme');
		const { passed, refused } = await flood(21, (i) =>
			post(`/portal/${boardId}?/feedback`, { cardId, kind: 'idea', text: `Idée ${i}` }, guest.cookie)
		);
		expect(refused?.status).toBe(429);
		expect(passed).toBeGreaterThanOrEqual(10);
		expect(await refused!.text()).toContain(`Idée ${passed}`);
	});

	it('sign-up: a flood from one address gets 429, keeping what was typed', async () => {
		const { passed, refused } = await flood(21, (i) =>
			post('/signup', {
				name: `Robot ${i}`,
				email: `robot-${i}-${Date.now()}@example.test`,
				organization: 'Robots SA',
				password: 'a long enough password'
			})
		);
		expect(refused?.status).toBe(429);
		expect(passed).toBeGreaterThanOrEqual(10);
		expect(await refused!.text()).toContain(`Robot ${passed}`);
	});

	it('invitation tokens: guessing them from one address gets 429', async () => {
		const { passed, refused } = await flood(121, (i) => fetch(`${server.url}/invite/guess-${i}-${'x'.repeat(30)}`));
		expect(refused?.status).toBe(429);
		expect(passed).toBeGreaterThanOrEqual(60);
	});

	it('an attacked account: its owner still gets in (after a delay, not a lock) and is told', async () => {
		const victim = await createMember(db, 'Victim');
		for (let i = 0; i < 5; i++) expect((await login(victim.email, `wrong guess ${i}`)).status).toBe(400);
		const started = Date.now();
		const res = await login(victim.email, 'correct horse battery');
		expect(res.status).toBe(303);
		expect(Date.now() - started).toBeGreaterThanOrEqual(4000); // 5 failures: 4 s
		expect(res.headers.get('location')).toBe('/account?failed=5');
		const cookie = /^session=[^;]+/.exec(res.headers.get('set-cookie') ?? '')?.[0] ?? '';
		const account = await fetch(`${server.url}/account?failed=5`, { headers: { Cookie: cookie } });
		expect(await account.text()).toContain('5 tentatives de connexion échouées');
		// Counted once told: the next login is neither slowed down nor reported.
		const next = await login(victim.email, 'correct horse battery');
		expect(next.headers.get('location')).toBe('/boards');
	});

	it('logins from one IP: failures are limited across accounts, and a success resets nothing', async () => {
		const attacker = await createMember(db, 'Attacker');
		const { passed, refused } = await flood(80, async (i) => {
			// The attacker's own account, logged into between guesses, used to wipe the IP's count.
			if (i % 3 === 2) return login(attacker.email, 'correct horse battery');
			return login(`target-${i}@example.test`, 'Printemps2026!');
		});
		expect(refused?.status).toBe(429);
		expect(passed).toBeLessThan(80);
		expect(await refused!.text()).toContain('Trop de tentatives');
	});
});
