import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as v from 'valibot';
import type { Db } from '../db/open.ts';
import { openTempDatabase, type TempDatabase } from '../../../../tests/factories/db.ts';
import { DAY } from '../auth/token.ts';
import { createAccountWithOrganization } from './accounts.ts';
import {
	acceptInvitation,
	createAccountFromInvitation,
	createInvitation,
	findInvitation,
	findInvitationById,
	invitableRoles,
	invitationStatus,
	InvitationInput,
	listInvitations,
	revokeInvitation,
	type NewInvitation
} from './invitations.ts';

let temp: TempDatabase;
let db: Db;
let owner: { userId: string; organizationId: string };
let counter = 0;

const NOW = 1_800_000_000_000;

async function account(name: string) {
	counter += 1;
	const created = await createAccountWithOrganization(db, {
		name,
		email: `${name.toLowerCase()}-${counter}@example.test`,
		password: 'correct horse battery',
		organization: `${name} SARL`
	});
	if (!created) throw new Error('email taken');
	return created;
}

function invite(overrides: Partial<NewInvitation> = {}, now = NOW): Promise<string> {
	const input: NewInvitation = {
		organizationId: owner.organizationId,
		createdBy: owner.userId,
		role: 'member',
		company: null,
		boardId: null,
		days: 7,
		...overrides
	};
	return createInvitation(db, input, now);
}

/** The stored id, computed independently of the module under test. */
const idOf = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');

const newcomer = (email: string) => ({ name: 'Nina', email, password: 'a long enough password' });

async function membershipsOf(userId: string) {
	return db
		.selectFrom('membership')
		.select(['organization_id', 'role', 'company'])
		.where('user_id', '=', userId)
		.execute();
}

beforeAll(async () => {
	temp = await openTempDatabase('bouture-invitations-');
	db = temp.db;
	owner = await account('Olga');
});

afterAll(() => temp.dispose());

describe('the token', () => {
	it('stores only the SHA-256 of the link token as the invitation id', async () => {
		const token = await invite();
		expect(token).toMatch(/^[a-z2-7]{32}$/);
		const row = await db.selectFrom('invitation').selectAll().where('id', '=', idOf(token)).executeTakeFirstOrThrow();
		expect(row.organization_id).toBe(owner.organizationId);
		const all = await db.selectFrom('invitation').selectAll().execute();
		expect(JSON.stringify(all)).not.toContain(token);
	});

	it('finds nothing for an unknown or malformed token, without touching the database row', async () => {
		expect(await findInvitation(db, 'a'.repeat(32), NOW)).toBeNull();
		expect(await findInvitation(db, 'not a token', NOW)).toBeNull();
		const token = await invite();
		expect(await findInvitation(db, token.toUpperCase(), NOW)).toBeNull();
		expect((await findInvitation(db, token, NOW))?.status).toBe('pending');
	});

	it('never repeats', async () => {
		const tokens = await Promise.all(Array.from({ length: 50 }, () => invite()));
		expect(new Set(tokens).size).toBe(50);
	});
});

describe('expiry', () => {
	it('is pending until exactly `days` days after creation, then expired', async () => {
		const token = await invite({ days: 3 });
		expect((await findInvitation(db, token, NOW + 3 * DAY - 1))?.status).toBe('pending');
		expect((await findInvitation(db, token, NOW + 3 * DAY))?.status).toBe('expired');
	});

	it('refuses an expired link and writes nothing', async () => {
		const token = await invite({ days: 1 });
		const existing = await account('Late');
		expect(await acceptInvitation(db, token, existing.userId, NOW + 2 * DAY)).toEqual({
			ok: false,
			reason: 'expired'
		});
		const email = `late-new-${counter}@example.test`;
		expect(await createAccountFromInvitation(db, token, newcomer(email), NOW + 2 * DAY)).toEqual({
			ok: false,
			reason: 'expired'
		});
		expect(await db.selectFrom('user').select('id').where('email', '=', email).executeTakeFirst()).toBeUndefined();
		expect(await membershipsOf(existing.userId)).toHaveLength(1);
	});

	it('accepts 1 to 30 days on the form, and nothing else', () => {
		const days = (d: string) => v.safeParse(InvitationInput, { role: 'member', boardId: null, days: d }).success;
		expect(['1', '7', '30'].map(days)).toEqual([true, true, true]);
		expect(['0', '31', '2.5', '', 'abc'].map(days)).toEqual([false, false, false, false, false]);
	});

	it('orders the verdicts: revoked, then used, then expired', () => {
		const base = { expires_at: NOW, used_at: null, revoked_at: null };
		expect(invitationStatus(base, NOW - 1)).toBe('pending');
		expect(invitationStatus(base, NOW)).toBe('expired');
		expect(invitationStatus({ ...base, used_at: NOW - 5 }, NOW)).toBe('used');
		expect(invitationStatus({ ...base, revoked_at: NOW - 5 }, NOW)).toBe('revoked');
	});
});

describe('single use', () => {
	it('a new account joins the inviting organisation with the invited role, and owns none of its own', async () => {
		const token = await invite({ role: 'guest', company: 'Boulangerie Martin' });
		const result = await createAccountFromInvitation(db, token, newcomer(`nina-${counter}@example.test`), NOW);
		if (!result.ok) throw new Error(result.reason);
		expect(await membershipsOf(result.userId)).toEqual([
			{ organization_id: owner.organizationId, role: 'guest', company: 'Boulangerie Martin' }
		]);
		expect((await findInvitation(db, token, NOW))?.status).toBe('used');
	});

	it('a used link refuses a second person, and the refused account is not created', async () => {
		const token = await invite();
		const first = await account('First');
		expect((await acceptInvitation(db, token, first.userId, NOW)).ok).toBe(true);
		const second = await account('Second');
		expect(await acceptInvitation(db, token, second.userId, NOW)).toEqual({ ok: false, reason: 'used' });
		const email = `third-${counter}@example.test`;
		expect(await createAccountFromInvitation(db, token, newcomer(email), NOW)).toEqual({ ok: false, reason: 'used' });
		expect(await db.selectFrom('user').select('id').where('email', '=', email).executeTakeFirst()).toBeUndefined();
		const row = (await listInvitations(db, owner.organizationId, NOW)).find((i) => i.id === idOf(token));
		expect(row).toMatchObject({ status: 'used', usedByName: 'First', createdByName: 'Olga' });
	});

	it('two accepts at once: exactly one wins', async () => {
		const token = await invite();
		const people = await Promise.all([account('Racer'), account('Racer')]);
		const results = await Promise.all([
			...people.map((p) => acceptInvitation(db, token, p.userId, NOW)),
			createAccountFromInvitation(db, token, newcomer(`new-racer-${counter}@example.test`), NOW)
		]);
		expect(results.filter((r) => r.ok)).toHaveLength(1);
		expect(results.filter((r) => !r.ok).map((r) => !r.ok && r.reason)).toEqual(['used', 'used']);
		const members = await db
			.selectFrom('membership')
			.select('user_id')
			.where('organization_id', '=', owner.organizationId)
			.execute();
		const winner = results.find((r) => r.ok);
		expect(members.map((m) => m.user_id)).toContain(winner?.ok && winner.userId);
	});

	it('someone already in the organisation is told so, and the link stays pending', async () => {
		const token = await invite();
		expect(await acceptInvitation(db, token, owner.userId, NOW)).toEqual({ ok: false, reason: 'already_member' });
		expect((await findInvitation(db, token, NOW))?.status).toBe('pending');
	});

	it('an e-mail that already has an account is refused and the link stays pending', async () => {
		const token = await invite();
		const existing = await db
			.selectFrom('user')
			.select('email')
			.where('id', '=', owner.userId)
			.executeTakeFirstOrThrow();
		expect(await createAccountFromInvitation(db, token, newcomer(existing.email), NOW)).toEqual({
			ok: false,
			reason: 'email_taken'
		});
		expect((await findInvitation(db, token, NOW))?.status).toBe('pending');
	});
});

describe('revoke', () => {
	it('revokes a pending link, which then refuses everyone', async () => {
		const token = await invite();
		const id = idOf(token);
		expect(await revokeInvitation(db, id, NOW)).toBe(true);
		expect((await findInvitationById(db, owner.organizationId, id, NOW))?.status).toBe('revoked');
		expect((await findInvitation(db, token, NOW))?.status).toBe('revoked');
		const late = await account('Late');
		expect(await acceptInvitation(db, token, late.userId, NOW)).toEqual({ ok: false, reason: 'revoked' });
	});

	it('cannot revoke a used or expired link, nor find another organisation’s', async () => {
		const used = await invite();
		const taker = await account('Taker');
		await acceptInvitation(db, used, taker.userId, NOW);
		const expired = await invite({ days: 1 });
		for (const token of [used, expired]) {
			expect(await revokeInvitation(db, idOf(token), NOW + 2 * DAY)).toBe(false);
		}
		const stranger = await account('Stranger');
		expect(await findInvitationById(db, stranger.organizationId, idOf(used), NOW)).toBeNull();
	});
});

describe('invitableRoles', () => {
	it('owners invite managers, members and guests; managers only members and guests; nobody invites an owner', () => {
		expect(invitableRoles('owner')).toEqual(['manager', 'member', 'guest']);
		expect(invitableRoles('manager')).toEqual(['member', 'guest']);
		expect(invitableRoles('member')).toEqual([]);
		expect(invitableRoles('guest')).toEqual([]);
	});

	it('guests need a company on the form', () => {
		expect(v.safeParse(InvitationInput, { role: 'guest', company: ' ', days: '7' }).success).toBe(false);
		expect(v.safeParse(InvitationInput, { role: 'guest', company: 'Martin', days: '7' }).success).toBe(true);
	});
});
