import type { Db } from '../db/open.ts';
import { extendedExpiry, judgeExpiry, SESSION_LIFETIME, sessionIdFromToken } from './token.ts';

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

/** Kept only so a person can recognise their sessions in a list; never trusted for anything. */
const USER_AGENT_MAX = 300;

export async function createSession(
	db: Db,
	token: string,
	userId: string,
	userAgent: string | null = null
): Promise<Session> {
	const now = Date.now();
	const session = { id: sessionIdFromToken(token), userId, expiresAt: now + SESSION_LIFETIME };
	await db
		.insertInto('session')
		.values({
			id: session.id,
			user_id: userId,
			expires_at: session.expiresAt,
			created_at: now,
			user_agent: userAgent?.slice(0, USER_AGENT_MAX) ?? null
		})
		.execute();
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
		.select(['session.id', 'session.user_id', 'session.expires_at', 'session.created_at'])
		.select(['user.email', 'user.name', 'user.color'])
		.where('session.id', '=', id)
		.executeTakeFirst();
	if (!row) return null;
	const now = Date.now();
	const session: Session = { id: row.id, userId: row.user_id, expiresAt: row.expires_at };
	const verdict = judgeExpiry(session.expiresAt, now, row.created_at);
	// Tidying and sliding are best-effort: while another connection holds the write lock, the person
	// still gets in (or out) at once, and a later request extends the session.
	if (verdict === 'expired') {
		await bestEffort(invalidateSession(db, id));
		return null;
	}
	if (verdict === 'extend') {
		const expiresAt = extendedExpiry(now, row.created_at);
		const update = db.updateTable('session').set({ expires_at: expiresAt }).where('id', '=', id).execute();
		if (await bestEffort(update)) session.expiresAt = expiresAt;
	}
	return { session, user: { id: row.user_id, email: row.email, name: row.name, color: row.color } };
}

async function bestEffort(write: Promise<unknown>): Promise<boolean> {
	try {
		await write;
		return true;
	} catch (error) {
		console.warn(`[session] expiry not updated: ${String(error)}`);
		return false;
	}
}

export async function invalidateSession(db: Db, sessionId: string): Promise<void> {
	await db.deleteFrom('session').where('id', '=', sessionId).execute();
}

/** The person a live (unexpired) session belongs to, or null. */
export async function findSessionUser(db: Db, sessionId: string): Promise<string | null> {
	const row = await db
		.selectFrom('session')
		.select('user_id')
		.where('id', '=', sessionId)
		.where('expires_at', '>', Date.now())
		.executeTakeFirst();
	return row?.user_id ?? null;
}

/** One of a person's live sessions, as they see it in their account. */
export interface SessionSummary {
	id: string;
	/** Null for sessions started before this was recorded. */
	createdAt: number | null;
	userAgent: string | null;
	expiresAt: number;
}

/** A person's live sessions, newest first (those of unknown age last). */
export async function listSessions(db: Db, userId: string): Promise<SessionSummary[]> {
	const rows = await db
		.selectFrom('session')
		.select(['id', 'created_at', 'user_agent', 'expires_at'])
		.where('user_id', '=', userId)
		.where('expires_at', '>', Date.now())
		.orderBy('created_at', 'desc')
		.orderBy('expires_at', 'desc')
		.execute();
	return rows.map((r) => ({ id: r.id, createdAt: r.created_at, userAgent: r.user_agent, expiresAt: r.expires_at }));
}

/** Ends one session of `userId`'s; false when no such session is theirs (someone else's stays untouched). */
export async function revokeSession(db: Db, userId: string, sessionId: string): Promise<boolean> {
	const result = await db
		.deleteFrom('session')
		.where('id', '=', sessionId)
		.where('user_id', '=', userId)
		.executeTakeFirst();
	return result.numDeletedRows > 0n;
}

/** Ends every session of `userId`'s except `keepSessionId` (the one in use); returns how many ended. */
export async function revokeOtherSessions(db: Db, userId: string, keepSessionId: string): Promise<number> {
	const result = await db
		.deleteFrom('session')
		.where('user_id', '=', userId)
		.where('id', '!=', keepSessionId)
		.executeTakeFirst();
	return Number(result.numDeletedRows);
}
