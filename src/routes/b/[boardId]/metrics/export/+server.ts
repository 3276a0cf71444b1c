import { error } from '@sveltejs/kit';
import { requireUser } from '#lib/server/auth/guard.ts';
import { findMetricsBoards } from '#lib/server/services/metrics.ts';
import { metricsCsv } from '#lib/server/services/metrics-csv.ts';
import type { RequestHandler } from './$types';

/** `?figure=cumulative|time|throughput|outcomes|stuck|portfolio` and the page's period: that figure as CSV. */
export const GET: RequestHandler = async ({ locals, url, params }) => {
	const user = requireUser(locals, url);
	const boards = await findMetricsBoards(locals, user.id, locals.membership, { boardId: params.boardId });
	if (!boards?.[0]) error(404);
	const response = await metricsCsv(locals, boards, url, boards[0].name);
	if (!response) error(400, 'figure');
	return response;
};
