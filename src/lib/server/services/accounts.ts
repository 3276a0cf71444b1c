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
		await trx
			.insertInto('user')
			.values({
				id: userId,
				email: input.email,
				name: input.name,
				password_hash: passwordHash,
				color: colorFor(userId),
				created_at: now
			})
			.execute();
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
