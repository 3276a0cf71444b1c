import type { Db } from '../db/open.ts';
import { colorFor, newId } from '../ids.ts';
import { dummyPasswordHash, hashPassword, verifyPassword } from '../auth/password.ts';
import type { LoginThrottle } from '../auth/throttle.ts';

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
		await insertUser(trx, { id: userId, email: input.email, name: input.name, passwordHash }, now);
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

/** Writes a person's row (callers check first, in the same transaction, that the e-mail is free). */
export async function insertUser(
	db: Db,
	user: { id: string; email: string; name: string; passwordHash: string },
	now: number
): Promise<void> {
	await db
		.insertInto('user')
		.values({
			id: user.id,
			email: user.email,
			name: user.name,
			password_hash: user.passwordHash,
			color: colorFor(user.id),
			created_at: now
		})
		.execute();
}

export type LoginResult = { ok: true; userId: string } | { ok: false; retryAfterMs: number };

/**
 * Checks a login. Unknown email and wrong password fail the same way and take the same time;
 * both the account and the client IP are throttled.
 */
export async function checkLogin(
	db: Db,
	throttle: LoginThrottle,
	email: string,
	password: string,
	ip: string
): Promise<LoginResult> {
	const keys = [`email:${email}`, `ip:${ip}`];
	const wait = Math.max(...keys.map((k) => throttle.waitFor(k)));
	if (wait > 0) return { ok: false, retryAfterMs: wait };
	const user = await db
		.selectFrom('user')
		.select(['id', 'password_hash'])
		.where('email', '=', email)
		.executeTakeFirst();
	const valid = await verifyPassword(user?.password_hash ?? (await dummyPasswordHash()), password);
	if (!user || !valid) {
		for (const k of keys) throttle.fail(k);
		return { ok: false, retryAfterMs: 0 };
	}
	for (const k of keys) throttle.succeed(k);
	return { ok: true, userId: user.id };
}

/**
 * Replaces a person's password once their current one is confirmed. Wrong guesses count against the
 * same per-account throttle key as logins, so a borrowed session gives no extra guessing budget.
 */
export async function changePassword(
	db: Db,
	throttle: LoginThrottle,
	userId: string,
	current: string,
	next: string
): Promise<LoginResult> {
	const user = await db
		.selectFrom('user')
		.select(['email', 'password_hash'])
		.where('id', '=', userId)
		.executeTakeFirst();
	if (!user) throw new Error(`no user ${userId} behind a live session`);
	const key = `email:${user.email}`;
	const wait = throttle.waitFor(key);
	if (wait > 0) return { ok: false, retryAfterMs: wait };
	if (!(await verifyPassword(user.password_hash, current))) {
		throttle.fail(key);
		return { ok: false, retryAfterMs: 0 };
	}
	throttle.succeed(key);
	await db
		.updateTable('user')
		.set({ password_hash: await hashPassword(next) })
		.where('id', '=', userId)
		.execute();
	return { ok: true, userId };
}
