import type { Handle } from '@sveltejs/kit/hooks';

/**
 * The security headers of every response SvelteKit makes (pages, data, endpoints, errors), in one
 * place. The Content-Security-Policy itself, with its per-response nonces, is SvelteKit's: see `csp`
 * in vite.config.ts (it includes frame-ancestors 'none'; X-Frame-Options says the same to old browsers).
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
	'X-Frame-Options': 'DENY',
	'X-Content-Type-Options': 'nosniff',
	'Referrer-Policy': 'same-origin',
	'Cross-Origin-Opener-Policy': 'same-origin',
	'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=()'
};

export const securityHeaders: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
		// Some responses (a redirect, a fetched one passed through) have immutable headers.
		try {
			response.headers.set(name, value);
		} catch {
			return withHeaders(response);
		}
	}
	return response;
};

function withHeaders(response: Response): Response {
	const copy = new Response(response.body, response);
	for (const [name, value] of Object.entries(SECURITY_HEADERS)) copy.headers.set(name, value);
	return copy;
}
