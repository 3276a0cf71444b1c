import type { IncomingMessage } from 'node:http';
import type { Db } from '../db/open.ts';
import { readCookie, SESSION_COOKIE } from '../auth/cookie.ts';
import { findSessionUser, validateSessionToken } from '../auth/session.ts';

export type Verdict = { userId: string; sessionId: string; readOnly: boolean } | { refuse: 401 | 403 | 404 };

/** Who connects, with the name and colour their presence shows (from the session, not the client). */
export type Admission =
	(Exclude<Verdict, { refuse: number }> & { name: string; color: string }) | { refuse: 401 | 403 | 404 };

/** Who may connect to a board: resolved at the door, before any document byte is sent. */
export type Admit = (req: IncomingMessage, boardId: string) => Promise<Admission>;

/** The same question for an open connection, when its person's rights or sessions changed. */
export type Reassess = (sessionId: string, boardId: string) => Promise<Verdict>;

/** A person's access to a board: null for none (or no such board), 'read' for observers. */
export type BoardLevel = (boardId: string, userId: string) => Promise<'read' | 'edit' | null>;

/**
 * The door of the sync endpoint: an allowed Origin (403), a valid session (401), and access to the
 * board (404, the same as a board that does not exist). Observers (read access) connect read-only.
 */
export function admitMembers(db: Db, publicOrigin: string | null, levelOf: BoardLevel): Admit {
	return async (req, boardId) => {
		if (!originAllowed(req, publicOrigin)) return { refuse: 403 };
		const token = readCookie(req.headers.cookie, SESSION_COOKIE);
		const auth = token ? await validateSessionToken(db, token) : null;
		if (!auth) return { refuse: 401 };
		const verdict = await judge(levelOf, auth.session.id, auth.user.id, boardId);
		return 'refuse' in verdict ? verdict : { ...verdict, name: auth.user.name, color: auth.user.color };
	};
}

export function reassessMembers(db: Db, levelOf: BoardLevel): Reassess {
	return async (sessionId, boardId) => {
		const userId = await findSessionUser(db, sessionId);
		return userId ? judge(levelOf, sessionId, userId, boardId) : { refuse: 401 };
	};
}

async function judge(levelOf: BoardLevel, sessionId: string, userId: string, boardId: string): Promise<Verdict> {
	const level = await levelOf(boardId, userId);
	if (!level) return { refuse: 404 };
	return { userId, sessionId, readOnly: level === 'read' };
}

function originAllowed(req: IncomingMessage, publicOrigin: string | null): boolean {
	const origin = req.headers.origin;
	if (!origin) return false;
	if (publicOrigin) return origin === publicOrigin;
	const host = req.headers.host;
	return origin === `http://${host}` || origin === `https://${host}`;
}
