import type { Cookies } from '@sveltejs/kit';
import type { Db } from '../db/open.ts';
import { setSessionCookie } from './kit-cookies.ts';
import { createSession } from './session.ts';
import { generateSessionToken } from './token.ts';

/** Starts a session for `userId` and hands its token to the browser. */
export async function startSession(
	db: Db,
	cookies: Cookies,
	url: URL,
	userId: string,
	userAgent: string | null
): Promise<void> {
	const token = generateSessionToken();
	const session = await createSession(db, token, userId, userAgent);
	setSessionCookie(cookies, url, token, session.expiresAt);
}
