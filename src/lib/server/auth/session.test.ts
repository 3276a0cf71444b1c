import { afterAll, beforeAll, afterEach, describe, it, expect, vi } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Db } from '../db/open.ts';
import { openTempDatabase, type TempDatabase } from '../../../../tests/factories/db.ts';
import { createAccountWithOrganization } from '../services/accounts.ts';
import {
	createSession,
	invalidateSession,
	listSessions,
	revokeOtherSessions,
	revokeSession,
	validateSessionToken
} from './session.ts';
import { DAY, SESSION_LIFETIME, SESSION_MAX_AGE, generateSessionToken, sessionIdFromToken } from './token.ts';

let temp: TempDatabase;
let dir: string;
let db: Db;
let userId: string;

beforeAll(async () => {
	temp = await openTempDatabase('bouture-session-');
	({ db, dir } = temp);
	const account = await createAccountWithOrganization(db, {
		name: 'Ada',
		email: 'ada@example.org',
		password: 'correct horse battery',
		organization: 'Analytical'
	});
	if (!account) throw new Error('could not create the account');
	userId = account.userId;
});

afterAll(() => temp.dispose());

afterEach(() => {
	vi.useRealTimers();
});

const NOW = 1_800_000_000_000;
const freezeClock = (at = NOW) => vi.useFakeTimers({ toFake: ['Date'], now: at });

const storedExpiry = async (token: string) =>
	(await db.selectFrom('session').select('expires_at').where('id', '=', sessionIdFromToken(token)).executeTakeFirst())
		?.expires_at;

async function sessionExpiringIn(ms: number): Promise<string> {
	const token = generateSessionToken();
	await createSession(db, token, userId);
	await db
		.updateTable('session')
		.set({ expires_at: Date.now() + ms })
		.where('id', '=', sessionIdFromToken(token))
		.execute();
	return token;
}

describe('createSession', () => {
	it('stores the SHA-256 of the token, never the token, with a 30-day expiry', async () => {
		freezeClock();
		const token = generateSessionToken();
		const session = await createSession(db, token, userId);
		expect(session).toEqual({ id: sessionIdFromToken(token), userId, expiresAt: NOW + SESSION_LIFETIME });

		const rows = await db.selectFrom('session').selectAll().execute();
		expect(rows).toContainEqual({
			id: sessionIdFromToken(token),
			user_id: userId,
			expires_at: NOW + SESSION_LIFETIME,
			created_at: NOW,
			user_agent: null
		});
		expect(JSON.stringify(rows)).not.toContain(token);
	});

	it('leaves no copy of the token anywhere in the database files', async () => {
		const token = generateSessionToken();
		await createSession(db, token, userId);
		const files = readdirSync(dir).map((f) => readFileSync(join(dir, f)));
		expect(files.length).toBeGreaterThan(0);
		for (const bytes of files) {
			expect(bytes.includes(Buffer.from(token))).toBe(false);
		}
		// Sanity: the hash itself is findable the same way, so the search above can succeed.
		expect(files.some((bytes) => bytes.includes(Buffer.from(sessionIdFromToken(token))))).toBe(true);
	});
});

describe('validateSessionToken', () => {
	it('returns the session and its user for a fresh token', async () => {
		const token = generateSessionToken();
		const created = await createSession(db, token, userId);
		const result = await validateSessionToken(db, token);
		expect(result?.session).toEqual(created);
		expect(result?.user).toEqual({
			id: userId,
			email: 'ada@example.org',
			name: 'Ada',
			color: expect.stringMatching(/^#[0-9a-f]{6}$/)
		});
	});

	it('returns null for an unknown token, and for the session id used as a token', async () => {
		const token = generateSessionToken();
		await createSession(db, token, userId);
		expect(await validateSessionToken(db, generateSessionToken())).toBeNull();
		expect(await validateSessionToken(db, sessionIdFromToken(token))).toBeNull();
	});

	it('keeps the expiry untouched in the first half of the life', async () => {
		freezeClock();
		const token = await sessionExpiringIn(SESSION_LIFETIME / 2 + 1);
		const result = await validateSessionToken(db, token);
		expect(result?.session.expiresAt).toBe(NOW + SESSION_LIFETIME / 2 + 1);
		expect(await storedExpiry(token)).toBe(NOW + SESSION_LIFETIME / 2 + 1);
	});

	it('extends the expiry to a fresh 30 days in the second half, in the database too', async () => {
		freezeClock();
		for (const remaining of [SESSION_LIFETIME / 2, 10 * DAY, 1]) {
			const token = await sessionExpiringIn(remaining);
			const result = await validateSessionToken(db, token);
			expect(result?.session.expiresAt).toBe(NOW + SESSION_LIFETIME);
			expect(await storedExpiry(token)).toBe(NOW + SESSION_LIFETIME);
		}
	});

	it('still lets a session in while another connection holds the write lock (its extension waits for later)', async () => {
		freezeClock();
		const token = await sessionExpiringIn(10 * DAY);
		const locker = new Database(join(dir, 'test.sqlite'));
		locker.exec('BEGIN IMMEDIATE');
		try {
			const result = await validateSessionToken(db, token);
			expect(result?.user.id).toBe(userId);
			expect(await storedExpiry(token)).toBe(NOW + 10 * DAY);
		} finally {
			locker.exec('ROLLBACK');
			locker.close();
		}
		expect((await validateSessionToken(db, token))?.session.expiresAt).toBe(NOW + SESSION_LIFETIME);
	});

	it('ends a session 90 days after it started, however often it was used', async () => {
		const token = generateSessionToken();
		freezeClock();
		await createSession(db, token, userId);
		expect(SESSION_MAX_AGE).toBe(90 * DAY);
		// Used every 16 days (each time in the second half of its life): it slides, but never past day 90.
		for (let day = 16; day < 90; day += 16) {
			freezeClock(NOW + day * DAY);
			const result = await validateSessionToken(db, token);
			expect(result?.session.expiresAt).toBe(Math.min(NOW + day * DAY + SESSION_LIFETIME, NOW + SESSION_MAX_AGE));
		}
		freezeClock(NOW + SESSION_MAX_AGE);
		expect(await validateSessionToken(db, token)).toBeNull();
		expect(await storedExpiry(token)).toBeUndefined();
	});

	it('rejects and deletes an expired session (at and after its expiry)', async () => {
		freezeClock();
		for (const remaining of [0, -1, -DAY]) {
			const token = await sessionExpiringIn(remaining);
			expect(await validateSessionToken(db, token)).toBeNull();
			expect(await storedExpiry(token)).toBeUndefined();
		}
	});
});

describe('invalidateSession', () => {
	it('logs out one session and leaves the others', async () => {
		const gone = generateSessionToken();
		const kept = generateSessionToken();
		const session = await createSession(db, gone, userId);
		await createSession(db, kept, userId);
		await invalidateSession(db, session.id);
		expect(await validateSessionToken(db, gone)).toBeNull();
		expect(await storedExpiry(gone)).toBeUndefined();
		expect(await validateSessionToken(db, kept)).not.toBeNull();
	});
});

describe('listing and revoking', () => {
	/** A fresh person with `count` sessions, in the order they were started. */
	async function personWithSessions(email: string, count: number) {
		const account = await createAccountWithOrganization(db, {
			name: 'Grace',
			email,
			password: 'correct horse battery',
			organization: 'Compilers'
		});
		if (!account) throw new Error('could not create the account');
		const tokens: string[] = [];
		for (let i = 0; i < count; i++) {
			freezeClock(NOW + i * 1000);
			const token = generateSessionToken();
			await createSession(db, token, account.userId, `agent ${i}`);
			tokens.push(token);
		}
		vi.useRealTimers();
		return { userId: account.userId, tokens, ids: tokens.map(sessionIdFromToken) };
	}

	it('lists only the live sessions of that person, newest first, undated (older) ones last', async () => {
		const grace = await personWithSessions('grace-list@example.org', 3);
		const old = generateSessionToken();
		await createSession(db, old, grace.userId);
		await db.updateTable('session').set({ created_at: null }).where('id', '=', sessionIdFromToken(old)).execute();
		const expired = await createSession(db, generateSessionToken(), grace.userId);
		await db
			.updateTable('session')
			.set({ expires_at: Date.now() - 1 })
			.where('id', '=', expired.id)
			.execute();

		const listed = await listSessions(db, grace.userId);
		expect(listed.map((s) => s.id)).toEqual([...grace.ids].reverse().concat(sessionIdFromToken(old)));
		expect(listed[0]).toEqual({
			id: grace.ids[2],
			createdAt: NOW + 2000,
			userAgent: 'agent 2',
			expiresAt: NOW + 2000 + SESSION_LIFETIME
		});
		expect(listed.at(-1)).toMatchObject({ createdAt: null, userAgent: null });
		expect(listed.map((s) => s.id)).not.toContain(expired.id);
	});

	it("revokes one's own session, and never someone else's", async () => {
		const grace = await personWithSessions('grace-revoke@example.org', 2);
		const [mine, other] = grace.tokens as [string, string];
		const adaToken = await sessionExpiringIn(DAY);

		expect(await revokeSession(db, grace.userId, sessionIdFromToken(adaToken))).toBe(false);
		expect(await validateSessionToken(db, adaToken)).not.toBeNull();

		expect(await revokeSession(db, grace.userId, sessionIdFromToken(other))).toBe(true);
		expect(await validateSessionToken(db, other)).toBeNull();
		expect(await validateSessionToken(db, mine)).not.toBeNull();
		expect(await revokeSession(db, grace.userId, sessionIdFromToken(other))).toBe(false);
	});

	it("ends every other session of that person's, keeps the current one and other people's", async () => {
		const grace = await personWithSessions('grace-others@example.org', 3);
		const [current, ...rest] = grace.tokens as [string, ...string[]];
		const adaToken = await sessionExpiringIn(DAY);

		expect(await revokeOtherSessions(db, grace.userId, sessionIdFromToken(current))).toBe(2);
		expect(await validateSessionToken(db, current)).not.toBeNull();
		for (const token of rest) expect(await validateSessionToken(db, token)).toBeNull();
		expect(await validateSessionToken(db, adaToken)).not.toBeNull();
		expect((await listSessions(db, grace.userId)).map((s) => s.id)).toEqual([sessionIdFromToken(current)]);
	});
});
