import { redirect } from '@sveltejs/kit';
import type { SessionUser } from './session.ts';

/** The signed-in person, or a redirect to the login page that comes back here afterwards. */
export function requireUser(locals: App.Locals, url: URL): SessionUser {
	if (!locals.user) redirect(303, `/login?next=${encodeURIComponent(url.pathname)}`);
	return locals.user;
}
