import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db/open.ts';
import { openTempDatabase, type TempDatabase } from '../../../../tests/factories/db.ts';
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
		const userId = await person('change-ok@example.org');
		expect(await changePassword(db, userId, 'old password 123', 'new password 456')).toEqual({
			ok: true,
			userId,
			failedAttempts: 0
		});
		expect(await checkLogin(db, 'change-ok@example.org', 'new password 456', '1.2.3.4')).toMatchObject({
			ok: true
		});
		expect(await checkLogin(db, 'change-ok@example.org', 'old password 123', '1.2.3.4')).toMatchObject({
			ok: false
		});
	});

	it('changes nothing when the current password is wrong', async () => {
		const userId = await person('change-wrong@example.org');
		const before = await storedHash(userId);
		const result = await changePassword(db, userId, 'not my password', 'new password 456');
		expect(result).toEqual({ ok: false, retryAfterMs: 0 });
		expect(await storedHash(userId)).toBe(before);
	});

	it('slows wrong guesses down on the same budget as logins to that account, and reports them', async () => {
		const userId = await person('change-throttle@example.org');
		for (let i = 0; i < 3; i++) await changePassword(db, userId, `wrong ${i}`, 'new password 456');
		// The login door to that account waits too (3 failures: 1 s): a borrowed session gives no extra guesses.
		const started = Date.now();
		const login = await checkLogin(db, 'change-throttle@example.org', 'old password 123', '5.6.7.8');
		expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
		expect(login).toEqual({ ok: true, userId, failedAttempts: 3 });
	});
});
