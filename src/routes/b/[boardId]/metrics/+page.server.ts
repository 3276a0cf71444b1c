import { error } from '@sveltejs/kit';
import { requireUser } from '#lib/server/auth/guard.ts';
import { findMetricsBoards, loadMetrics } from '#lib/server/services/metrics.ts';
import type { PageServerLoad } from './$types';

/** A board's flow and portfolio: everyone who may open the board; anyone else 404. */
export const load: PageServerLoad = async ({ locals, url, params }) => {
	const user = requireUser(locals, url);
	const boards = await findMetricsBoards(locals, user.id, locals.membership, { boardId: params.boardId });
	const board = boards?.[0];
	if (!boards || !board) error(404);
	return { board: { id: board.id, name: board.name }, ...(await loadMetrics(locals, boards, url)) };
};
