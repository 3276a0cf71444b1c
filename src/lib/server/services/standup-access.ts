import { error } from '@sveltejs/kit';
import { can } from '#lib/domain/permissions.ts';
import { isId } from '#lib/domain/validation.ts';
import { requireUser } from '../auth/guard.ts';
import { findBoardForUser } from './boards.ts';
import { findStandup } from './standups.ts';

/** The board of a stand-up route for the signed-in person: 404 for non-members, like every board door. */
export async function standupBoard(locals: App.Locals, url: URL, boardId: string) {
	const user = requireUser(locals, url);
	const board = isId(boardId) ? await findBoardForUser(locals.db, boardId, user.id) : null;
	if (!board) error(404);
	return { user, board, facilitates: can(board.role, 'standup.facilitate') };
}

/** The stand-up `standupId` of that board (404 when it belongs to another board). */
export async function boardStandup(locals: App.Locals, url: URL, boardId: string, standupId: string) {
	const access = await standupBoard(locals, url, boardId);
	const standup = isId(standupId) ? await findStandup(locals.db, standupId) : null;
	if (!standup || standup.boardId !== access.board.id) error(404);
	return { ...access, standup };
}
