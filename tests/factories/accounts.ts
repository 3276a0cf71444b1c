import { openDatabase, type Db } from '../../src/lib/server/db/open.ts';
import type { OrgRole } from '../../src/lib/server/db/schema.ts';
import { createAccountWithOrganization } from '../../src/lib/server/services/accounts.ts';
import { createBoard } from '../../src/lib/server/services/boards.ts';
import { createSession } from '../../src/lib/server/auth/session.ts';
import { generateSessionToken } from '../../src/lib/server/auth/token.ts';
import { databaseUrlOf } from './pg.ts';

let counter = 0;

export interface Member {
	userId: string;
	organizationId: string;
	email: string;
	token: string;
	cookie: string;
}

/**
 * Writes straight into the server's database (`dbPath`: its SQLite file, where WAL lets both processes
 * share it, or its postgres:// URL). A test may wait for the server's writes longer than the server
 * itself waits for others'.
 */
export function openTestDb(dbPath: string): Db {
	return openDatabase(databaseUrlOf(dbPath), 5000);
}

/** A new person with their own organisation and a logged-in session. */
export async function createMember(db: Db, name = 'Test'): Promise<Member> {
	counter += 1;
	const email = `${name.toLowerCase()}-${counter}-${Date.now()}@example.test`;
	const account = await createAccountWithOrganization(db, {
		name,
		email,
		password: 'correct horse battery',
		organization: `${name} SARL`
	});
	if (!account) throw new Error('email taken');
	const token = generateSessionToken();
	await createSession(db, token, account.userId);
	return { ...account, email, token, cookie: `session=${token}` };
}

export async function createTestBoard(db: Db, member: Member, name = 'Board'): Promise<string> {
	return createBoard(db, member.organizationId, name);
}

/**
 * A second person in `member`'s organisation (createMember makes a new organisation each time), with
 * `role` there ('member' unless told: owners and managers may force gates).
 */
export async function createColleague(db: Db, member: Member, name: string, role: OrgRole = 'member'): Promise<Member> {
	const colleague = await createMember(db, name);
	await db
		.insertInto('membership')
		.values({
			organization_id: member.organizationId,
			user_id: colleague.userId,
			role,
			created_at: Date.now()
		})
		.execute();
	return colleague;
}
