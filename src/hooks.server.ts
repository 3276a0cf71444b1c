import { sequence, type Handle, type ServerInit } from '@sveltejs/kit/hooks';
import { building } from '$app/env';
import { paraglideMiddleware } from '#lib/paraglide/server.js';
import { SESSION_COOKIE } from '#lib/server/auth/cookie.ts';
import { deleteSessionCookie, setSessionCookie } from '#lib/server/auth/kit-cookies.ts';
import { validateSessionToken } from '#lib/server/auth/session.ts';
import { requestDeps } from '#lib/server/deps.ts';
import { getRuntime, startRuntimeOnce } from '#lib/server/runtime.ts';
import { securityHeaders } from '#lib/server/security-headers.ts';
import { findHomeMembership } from '#lib/server/services/memberships.ts';

/** Starts the process's one runtime (database, sync hub) before the first request; not while building. */
export const init: ServerInit = async () => {
	if (!building) await startRuntimeOnce();
};

/** Puts the narrow dependencies routes use (database, rooms, mail queue) on locals: no lookup in the routes. */
const deps: Handle = ({ event, resolve }) => {
	Object.assign(event.locals, requestDeps(getRuntime()));
	return resolve(event);
};

/** Picks the language (cookie, then the browser's) and writes it into <html lang>. */
const locale: Handle = ({ event, resolve }) =>
	paraglideMiddleware(event.request, ({ locale }) =>
		resolve(event, { transformPageChunk: ({ html }) => html.replace('%lang%', locale) })
	);

/** Fills locals.user / locals.session from the session cookie, sliding its expiry. */
const session: Handle = async ({ event, resolve }) => {
	// The REST API authenticates by bearer token only (see lib/server/api/caller.ts): a cookie there
	// would let another site's page act as the signed-in person.
	if (event.url.pathname.startsWith('/api/v1/')) {
		Object.assign(event.locals, { user: null, session: null, membership: null });
		return resolve(event);
	}
	const token = event.cookies.get(SESSION_COOKIE);
	const auth = token ? await validateSessionToken(event.locals.db, token) : null;
	if (token && auth) setSessionCookie(event.cookies, event.url, token, auth.session.expiresAt);
	else if (token) deleteSessionCookie(event.cookies, event.url);
	event.locals.user = auth?.user ?? null;
	event.locals.session = auth?.session ?? null;
	event.locals.membership = auth ? await findHomeMembership(event.locals.db, auth.user.id) : null;
	return resolve(event);
};

export const handle = sequence(securityHeaders, deps, locale, session);
