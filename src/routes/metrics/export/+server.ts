import { error } from '@sveltejs/kit';
import { requireUser } from '#lib/server/auth/guard.ts';
import { findMetricsBoards } from '#lib/server/services/metrics.ts';
import { metricsCsv } from '#lib/server/services/metrics-csv.ts';
import type { RequestHandler } from './$types';

/** The organisation page's figures as CSV (see the board's export). */
export const GET: RequestHandler = async ({ locals, url }) => {
	const user = requireUser(locals, url);
	const boards = await findMetricsBoards(locals, user.id, locals.membership, { organization: true });
	if (!boards || !locals.membership) error(404);
	const response = await metricsCsv(locals, boards, url, locals.membership.organizationName);
	if (!response) error(400, 'figure');
	return response;
};
