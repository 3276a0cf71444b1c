import { error } from '@sveltejs/kit';
import { isId } from '#lib/domain/validation.ts';
import { requireUser } from '#lib/server/auth/guard.ts';
import { getRuntime } from '#lib/server/runtime.ts';
import { findBoardForUser } from '#lib/server/services/boards.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const user = requireUser(locals, url);
	const board = isId(params.boardId) ? await findBoardForUser(getRuntime().db, params.boardId, user.id) : null;
	if (!board) error(404); // a non-member learns nothing, not even that the board exists
	return {
		board: { id: board.id, name: board.name },
		user: { id: user.id, name: user.name, color: user.color }
	};
};
