import { redirect } from '@sveltejs/kit';
import { deleteSessionCookie } from '#lib/server/auth/kit-cookies.ts';
import { invalidateSession } from '#lib/server/auth/session.ts';
import { getRuntime } from '#lib/server/runtime.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = () => redirect(303, '/');

export const actions: Actions = {
	default: async ({ locals, cookies, url }) => {
		if (locals.session) await invalidateSession(getRuntime().db, locals.session.id);
		deleteSessionCookie(cookies, url);
		redirect(303, '/login');
	}
};
