import type { IncomingMessage } from 'node:http';
import type { Db } from '../db/open.ts';
import { readCookie, SESSION_COOKIE } from '../auth/cookie.ts';
import { validateSessionToken } from '../auth/session.ts';
import { findBoardForUser } from '../services/boards.ts';
import type { Admit } from './hub.ts';

/**
 * The door of the sync endpoint: an allowed Origin (403), a valid session (401), and access to the
 * board (404, the same as a board that does not exist).
 */
export function admitMembers(db: Db, publicOrigin: string | null): Admit {
	return async (req, boardId) => {
		if (!originAllowed(req, publicOrigin)) return { refuse: 403 };
		const token = readCookie(req.headers.cookie, SESSION_COOKIE);
		const auth = token ? await validateSessionToken(db, token) : null;
		if (!auth) return { refuse: 401 };
		const board = await findBoardForUser(db, boardId, auth.user.id);
		if (!board) return { refuse: 404 };
		return { userId: auth.user.id, readOnly: false };
	};
}

function originAllowed(req: IncomingMessage, publicOrigin: string | null): boolean {
	const origin = req.headers.origin;
	if (!origin) return false;
	if (publicOrigin) return origin === publicOrigin;
	const host = req.headers.host;
	return origin === `http://${host}` || origin === `https://${host}`;
}
