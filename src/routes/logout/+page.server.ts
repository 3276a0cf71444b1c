import { redirect } from '@sveltejs/kit';
import { deleteSessionCookie } from '#lib/server/auth/kit-cookies.ts';
import { invalidateSession } from '#lib/server/auth/session.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = () => redirect(303, '/');

export const actions: Actions = {
	default: async ({ locals, cookies, url }) => {
		if (locals.session) {
			const { db, sync } = locals;
			await invalidateSession(db, locals.session.id);
			// The sockets this session opened close too: none keeps hearing or writing after logout.
			await sync.reassessUser(locals.session.userId);
		}
		deleteSessionCookie(cookies, url);
		redirect(303, '/login');
	}
};
