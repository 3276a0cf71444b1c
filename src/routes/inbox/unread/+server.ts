import { json } from '@sveltejs/kit';
import { countUnread } from '#lib/server/services/inbox.ts';
import type { RequestHandler } from './$types';

/** The header's unread count, polled by the layout (a plain request: a failure costs nothing). */
export const GET: RequestHandler = async ({ locals }) => {
	if (!locals.user) return json({ unread: 0 }, { status: 401 });
	return json({ unread: await countUnread(locals.db, locals.user.id) });
};
