import type { Cookies } from '@sveltejs/kit';
import { isSecureOrigin, SESSION_COOKIE } from './cookie.ts';

/** The session cookie: HttpOnly, SameSite=Lax, Secure outside localhost, living as long as the session. */
export function setSessionCookie(cookies: Cookies, url: URL, token: string, expiresAt: number): void {
	cookies.set(SESSION_COOKIE, token, {
		httpOnly: true,
		sameSite: 'lax',
		secure: isSecureOrigin(url),
		expires: new Date(expiresAt),
		path: '/'
	});
}

export function deleteSessionCookie(cookies: Cookies, url: URL): void {
	cookies.delete(SESSION_COOKIE, { httpOnly: true, sameSite: 'lax', secure: isSecureOrigin(url), path: '/' });
}
