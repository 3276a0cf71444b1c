import { invalidFlowField } from '#lib/domain/flow/period.ts';
import { isId } from '#lib/domain/validation.ts';
import type { Membership } from './memberships.ts';
import type { RequestDeps } from '../deps.ts';
import { findBoardForUser, listBoardsForUser, type BoardSummary } from './boards.ts';
import { loadFlowMetrics } from './flow-metrics.ts';
import { loadPortfolio } from './portfolio.ts';

/** Which boards a metrics page covers: one board, or the organisation's boards this person may open. */
export type MetricsScope = { boardId: string } | { organization: true };

/**
 * The boards behind a metrics page, or null when the person may not see it (a non-member, someone
 * the board is restricted from, a guest): the route answers 404, giving nothing away.
 */
export async function findMetricsBoards(
	deps: Pick<RequestDeps, 'db'>,
	userId: string,
	membership: Membership | null,
	scope: MetricsScope
): Promise<BoardSummary[] | null> {
	if ('boardId' in scope) {
		const board = isId(scope.boardId) ? await findBoardForUser(deps.db, scope.boardId, userId) : null;
		return board ? [board] : null;
	}
	if (!membership || membership.role === 'guest') return null;
	const boards = await listBoardsForUser(deps.db, userId);
	return boards.filter((b) => b.organizationId === membership.organizationId);
}

/** The query a metrics page reads (the same for its CSV export). */
export function flowQuery(url: URL): Record<string, string | undefined> {
	const get = (key: string) => url.searchParams.get(key) || undefined;
	return { from: get('from'), to: get('to'), stuck: get('stuck') };
}

/** Everything a metrics page shows: the flow over the period, and the portfolio as it stands now. */
export async function loadMetrics(deps: RequestDeps, boards: BoardSummary[], url: URL, now = Date.now()) {
	const query = flowQuery(url);
	const [flow, portfolio] = await Promise.all([
		loadFlowMetrics(deps, boards, query, now),
		loadPortfolio(deps, boards, now)
	]);
	return { ...flow, portfolio, invalidField: invalidFlowField(query) };
}
