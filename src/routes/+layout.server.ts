import { can } from '#lib/domain/permissions.ts';
import { countUnread } from '#lib/server/services/inbox.ts';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async ({ locals, depends }) => {
	const role = locals.membership?.role ?? null;
	depends('app:notifications');
	return {
		user: locals.user ? { id: locals.user.id, name: locals.user.name, color: locals.user.color } : null,
		/** What the header offers: each page checks again on the server. */
		nav: { admin: can(role, 'org.admin'), portal: can(role, 'portal.use'), boards: role !== null && role !== 'guest' },
		unread: locals.user ? await countUnread(locals.db, locals.user.id) : 0
	};
};
