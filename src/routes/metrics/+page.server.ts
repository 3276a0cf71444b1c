import { error } from '@sveltejs/kit';
import { requireUser } from '#lib/server/auth/guard.ts';
import { findMetricsBoards, loadMetrics } from '#lib/server/services/metrics.ts';
import type { PageServerLoad } from './$types';

/** The organisation's flow and portfolio, over the boards this person may open; guests and outsiders 404. */
export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requireUser(locals, url);
	const boards = await findMetricsBoards(locals, user.id, locals.membership, { organization: true });
	if (!boards || !locals.membership) error(404);
	return {
		organizationName: locals.membership.organizationName,
		boards: boards.map((b) => ({ id: b.id, name: b.name })),
		...(await loadMetrics(locals, boards, url))
	};
};
