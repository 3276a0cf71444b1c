import type { Db } from '../../src/lib/server/db/open.ts';
import type { OrgRole } from '../../src/lib/server/db/schema.ts';
import { createSession } from '../../src/lib/server/auth/session.ts';
import { generateSessionToken } from '../../src/lib/server/auth/token.ts';
import { newId } from '../../src/lib/server/ids.ts';
import { insertUser } from '../../src/lib/server/services/accounts.ts';
import type { Member } from './accounts.ts';

/**
 * A person who belongs to `organizationId` only (unlike createColleague, whose person also owns an
 * organisation of their own), with a logged-in session. They cannot log in by password.
 */
export async function createPerson(
	db: Db,
	organizationId: string,
	name: string,
	role: OrgRole = 'member',
	company: string | null = role === 'guest' ? 'Client SA' : null
): Promise<Member> {
	const userId = newId();
	const email = `${name}-${userId}@example.test`.toLowerCase(); // logins lower-case what people type
	const now = Date.now();
	await insertUser(db, { id: userId, email, name, passwordHash: '!' }, now);
	await db
		.insertInto('membership')
		.values({ organization_id: organizationId, user_id: userId, role, company, created_at: now })
		.execute();
	const token = generateSessionToken();
	await createSession(db, token, userId);
	return { userId, organizationId, email, token, cookie: `session=${token}` };
}
