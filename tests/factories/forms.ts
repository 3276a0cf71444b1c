import { sessionIdFromToken } from '../../src/lib/server/auth/token.ts';

/** A browser's plain form post (Accept: text/html) to the server at `baseUrl`, with a session cookie or none. */
export function postForm(
	baseUrl: string,
	path: string,
	cookie: string | null,
	fields: Record<string, string> = {}
): Promise<Response> {
	return fetch(`${baseUrl}${path}`, {
		method: 'POST',
		headers: {
			Origin: baseUrl,
			...(cookie ? { Cookie: cookie } : {}),
			'Content-Type': 'application/x-www-form-urlencoded',
			Accept: 'text/html'
		},
		body: new URLSearchParams(fields),
		redirect: 'manual'
	});
}

/** A real session through the login page, as another browser would open it; null when the login fails. */
export async function logIn(
	baseUrl: string,
	email: string,
	password: string
): Promise<{ cookie: string; sessionId: string } | null> {
	const res = await postForm(baseUrl, '/login', null, { email, password });
	const token = /^session=([^;]+)/.exec(res.headers.get('set-cookie') ?? '')?.[1];
	return res.status === 303 && token ? { cookie: `session=${token}`, sessionId: sessionIdFromToken(token) } : null;
}

/** `promise`, or a rejection naming `what` after `ms`. */
export function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
	return Promise.race([
		promise,
		new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`${what}: not within ${ms} ms`)), ms))
	]);
}
