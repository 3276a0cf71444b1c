import { redirect } from '@sveltejs/kit';
import { requireAdmin } from '../admin/admin.server.ts';
import type { RequestHandler } from './$types';

/** The organisation map moved into the administration area (its navigation, its guard); old links still land. */
export const GET: RequestHandler = ({ locals, url }) => {
	requireAdmin(locals, url);
	redirect(308, `/admin/map${url.search}`);
};
