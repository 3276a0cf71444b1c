import { fail } from '@sveltejs/kit';
import { NOTIFICATION_KINDS, type NotificationKind } from '#lib/domain/notify.ts';
import { isId } from '#lib/domain/validation.ts';
import { requireUser } from '#lib/server/auth/guard.ts';
import { listNotifications, markRead, readSettings, saveSettings } from '#lib/server/services/inbox.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, depends }) => {
	const user = requireUser(locals, url);
	depends('app:notifications');
	const { db } = locals;
	return { notifications: await listNotifications(db, user.id), settings: await readSettings(db, user.id) };
};

export const actions: Actions = {
	read: async ({ locals, url, request }) => {
		const user = requireUser(locals, url);
		const id = (await request.formData()).get('id');
		if (!isId(id)) return fail(400, { notFound: true });
		await markRead(locals.db, user.id, id);
		return { read: id };
	},
	readAll: async ({ locals, url }) => {
		const user = requireUser(locals, url);
		await markRead(locals.db, user.id, null);
		return { read: 'all' };
	},
	settings: async ({ locals, url, request }) => {
		const user = requireUser(locals, url);
		const chosen = (await request.formData()).getAll('kind');
		const enabled = new Set(NOTIFICATION_KINDS.filter((k: NotificationKind) => chosen.includes(k)));
		await saveSettings(locals.db, user.id, enabled);
		return { saved: true };
	}
};
