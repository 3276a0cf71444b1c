import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db/open.ts';
import { openTempDatabase, type TempDatabase } from '../../../../tests/factories/db.ts';
import { LoginThrottle } from '../auth/throttle.ts';
import { changePassword, checkLogin, createAccountWithOrganization } from './accounts.ts';

let temp: TempDatabase;
let db: Db;

beforeAll(async () => {
	temp = await openTempDatabase('bouture-accounts-');
	db = temp.db;
});

afterAll(() => temp.dispose());

async function person(email: string): Promise<string> {
	const account = await createAccountWithOrganization(db, {
		name: 'Ada',
		email,
		password: 'old password 123',
		organization: 'Analytical'
	});
	if (!account) throw new Error('could not create the account');
	return account.userId;
}

const storedHash = async (userId: string) =>
	(await db.selectFrom('user').select('password_hash').where('id', '=', userId).executeTakeFirstOrThrow())
		.password_hash;

describe('changePassword', () => {
	it('replaces the password once the current one is confirmed', async () => {
		const throttle = new LoginThrottle();
		const userId = await person('change-ok@example.org');
		expect(await changePassword(db, throttle, userId, 'old password 123', 'new password 456')).toEqual({
			ok: true,
			userId
		});
		expect(await checkLogin(db, throttle, 'change-ok@example.org', 'new password 456', '1.2.3.4')).toMatchObject({
			ok: true
		});
		expect(await checkLogin(db, throttle, 'change-ok@example.org', 'old password 123', '1.2.3.4')).toMatchObject({
			ok: false
		});
	});

	it('changes nothing when the current password is wrong', async () => {
		const userId = await person('change-wrong@example.org');
		const before = await storedHash(userId);
		const result = await changePassword(db, new LoginThrottle(), userId, 'not my password', 'new password 456');
		expect(result).toEqual({ ok: false, retryAfterMs: 0 });
		expect(await storedHash(userId)).toBe(before);
	});

	it('throttles wrong guesses on the same budget as logins to that account, even the right one', async () => {
		const throttle = new LoginThrottle();
		const userId = await person('change-throttle@example.org');
		for (let i = 0; i < 3; i++) await changePassword(db, throttle, userId, `wrong ${i}`, 'new password 456');
		const blocked = await changePassword(db, throttle, userId, 'old password 123', 'new password 456');
		expect(blocked.ok).toBe(false);
		expect(!blocked.ok && blocked.retryAfterMs).toBeGreaterThan(0);
		// The login door to that account waits too: a borrowed session gives no extra guesses.
		const login = await checkLogin(db, throttle, 'change-throttle@example.org', 'old password 123', '5.6.7.8');
		expect(login).toEqual({ ok: false, retryAfterMs: expect.any(Number) as number });
		expect(!login.ok && login.retryAfterMs).toBeGreaterThan(0);
	});
});
