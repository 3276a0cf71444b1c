import type { Db } from '../db/open.ts';
import { colorFor, newId } from '../ids.ts';
import { dummyPasswordHash, hashPassword, verifyPassword } from '../auth/password.ts';
import { setTimeout as sleep } from 'node:timers/promises';
import { forget, hit, loginDelay, peek, RATE_LIMITS } from '../rate-limit.ts';

export interface NewAccount {
	name: string;
	email: string;
	password: string;
	organization: string;
}

/** Creates a person and the organisation they own. Null when the email is taken. */
export async function createAccountWithOrganization(
	db: Db,
	input: NewAccount
): Promise<{ userId: string; organizationId: string } | null> {
	const passwordHash = await hashPassword(input.password);
	const now = Date.now();
	const userId = newId();
	const organizationId = newId();
	return db.transaction().execute(async (trx) => {
		const taken = await trx.selectFrom('user').select('id').where('email', '=', input.email).executeTakeFirst();
		if (taken) return null;
		if (!(await insertUser(trx, { id: userId, email: input.email, name: input.name, passwordHash }, now))) return null;
		await trx
			.insertInto('organization')
			.values({ id: organizationId, name: input.organization, created_at: now })
			.execute();
		await trx
			.insertInto('membership')
			.values({ organization_id: organizationId, user_id: userId, role: 'owner', created_at: now })
			.execute();
		return { userId, organizationId };
	});
}

/**
 * Writes a person's row; false when the e-mail is taken. Callers check first, in the same transaction;
 * the conflict clause covers a sign-up with the same e-mail committing meanwhile (PostgreSQL runs
 * transactions side by side), which then waits for it and writes nothing instead of failing.
 */
export async function insertUser(
	db: Db,
	user: { id: string; email: string; name: string; passwordHash: string },
	now: number
): Promise<boolean> {
	const inserted = await db
		.insertInto('user')
		.values({
			id: user.id,
			email: user.email,
			name: user.name,
			password_hash: user.passwordHash,
			color: colorFor(user.id),
			created_at: now
		})
		.onConflict((oc) => oc.column('email').doNothing())
		.executeTakeFirst();
	return Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1;
}

export type LoginResult =
	| { ok: true; userId: string; /** Failed attempts on the account since its last login. */ failedAttempts: number }
	| { ok: false; retryAfterMs: number };

/**
 * Checks a login. Unknown email and wrong password fail the same way and take the same time.
 * Failures from one IP are limited (429), whatever account they aim at and whether a login succeeds
 * meanwhile; an account's failures slow its next attempts down (a delay, never a lock, so its owner
 * still gets in) and are reported to the owner on their next login.
 */
export async function checkLogin(db: Db, email: string, password: string, ip: string): Promise<LoginResult> {
	const fromIp = await peek(db, RATE_LIMITS.loginFailuresPerIp, ip);
	if (!fromIp.ok) return fromIp;
	const user = await db
		.selectFrom('user')
		.select(['id', 'password_hash'])
		.where('email', '=', email)
		.executeTakeFirst();
	const account = await slowDownAccount(db, email);
	const valid = await verifyPassword(user?.password_hash ?? (await dummyPasswordHash()), password);
	if (!user || !valid) {
		await hit(db, RATE_LIMITS.loginFailuresPerIp, ip);
		await hit(db, RATE_LIMITS.loginFailuresPerAccount, email);
		return { ok: false, retryAfterMs: 0 };
	}
	await forget(db, RATE_LIMITS.loginFailuresPerAccount, email);
	return { ok: true, userId: user.id, failedAttempts: account.failures };
}

/** Waits the delay that the account's recent failures call for; returns how many there were. */
async function slowDownAccount(db: Db, email: string): Promise<{ failures: number }> {
	const count = await peek(db, RATE_LIMITS.loginFailuresPerAccount, email);
	const failures = count.ok ? count.hits : 0;
	const delay = loginDelay(failures);
	if (delay > 0) await sleep(delay);
	return { failures };
}

/**
 * Replaces a person's password once their current one is confirmed. Wrong guesses count against the
 * same per-account delay as logins, so a borrowed session gives no extra guessing budget.
 */
export async function changePassword(db: Db, userId: string, current: string, next: string): Promise<LoginResult> {
	const user = await db
		.selectFrom('user')
		.select(['email', 'password_hash'])
		.where('id', '=', userId)
		.executeTakeFirst();
	if (!user) throw new Error(`no user ${userId} behind a live session`);
	await slowDownAccount(db, user.email);
	if (!(await verifyPassword(user.password_hash, current))) {
		await hit(db, RATE_LIMITS.loginFailuresPerAccount, user.email);
		return { ok: false, retryAfterMs: 0 };
	}
	await db
		.updateTable('user')
		.set({ password_hash: await hashPassword(next) })
		.where('id', '=', userId)
		.execute();
	return { ok: true, userId, failedAttempts: 0 };
}
