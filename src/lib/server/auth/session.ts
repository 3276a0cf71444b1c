import type { Db } from '../db/open.ts';
import { judgeExpiry, SESSION_LIFETIME, sessionIdFromToken } from './token.ts';

export interface SessionUser {
	id: string;
	email: string;
	name: string;
	color: string;
}

export interface Session {
	id: string;
	userId: string;
	expiresAt: number;
}

export async function createSession(db: Db, token: string, userId: string): Promise<Session> {
	const session = { id: sessionIdFromToken(token), userId, expiresAt: Date.now() + SESSION_LIFETIME };
	await db.insertInto('session').values({ id: session.id, user_id: userId, expires_at: session.expiresAt }).execute();
	return session;
}

/** The session and its user, or null when the token is unknown or expired (expired rows are removed). */
export async function validateSessionToken(
	db: Db,
	token: string
): Promise<{ session: Session; user: SessionUser } | null> {
	const id = sessionIdFromToken(token);
	const row = await db
		.selectFrom('session')
		.innerJoin('user', 'user.id', 'session.user_id')
		.select(['session.id', 'session.user_id', 'session.expires_at', 'user.email', 'user.name', 'user.color'])
		.where('session.id', '=', id)
		.executeTakeFirst();
	if (!row) return null;
	const now = Date.now();
	const session: Session = { id: row.id, userId: row.user_id, expiresAt: row.expires_at };
	const verdict = judgeExpiry(session.expiresAt, now);
	if (verdict === 'expired') {
		await invalidateSession(db, id);
		return null;
	}
	if (verdict === 'extend') {
		session.expiresAt = now + SESSION_LIFETIME;
		await db.updateTable('session').set({ expires_at: session.expiresAt }).where('id', '=', id).execute();
	}
	return { session, user: { id: row.user_id, email: row.email, name: row.name, color: row.color } };
}

export async function invalidateSession(db: Db, sessionId: string): Promise<void> {
	await db.deleteFrom('session').where('id', '=', sessionId).execute();
}
