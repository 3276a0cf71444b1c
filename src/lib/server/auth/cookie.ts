export const SESSION_COOKIE = 'session';

/** The value of one cookie from a raw Cookie header (for the websocket upgrade, outside SvelteKit). */
export function readCookie(header: string | undefined, name: string): string | null {
	for (const part of (header ?? '').split(';')) {
		const eq = part.indexOf('=');
		if (eq > 0 && part.slice(0, eq).trim() === name) {
			try {
				return decodeURIComponent(part.slice(eq + 1).trim());
			} catch {
				return null;
			}
		}
	}
	return null;
}

/** Cookies are Secure everywhere except plain-http localhost (development and tests). */
export function isSecureOrigin(url: URL): boolean {
	return url.protocol === 'https:' || !['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
}
