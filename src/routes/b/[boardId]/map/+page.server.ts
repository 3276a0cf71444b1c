import { error } from '@sveltejs/kit';
import { isId } from '#lib/domain/validation.ts';
import { parsePeriod } from '#lib/domain/social-map.ts';
import { requireUser } from '#lib/server/auth/guard.ts';
import { findBoardForUser } from '#lib/server/services/boards.ts';
import { loadSocialMap } from '#lib/server/services/social-map.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, params, depends }) => {
	const user = requireUser(locals, url);
	const db = locals.db;
	const board = isId(params.boardId) ? await findBoardForUser(db, params.boardId, user.id) : null;
	if (!board) error(404);
	depends('app:social-map'); // MAP_DEPENDENCY, invalidated live by the page
	const period = parsePeriod(url.searchParams.get('from'), url.searchParams.get('to'), Date.now());
	const map = await loadSocialMap(db, { boardId: board.id }, period);
	return { board: { id: board.id, name: board.name }, map, fromDate: period.fromDate, toDate: period.toDate };
};
