import { error, json } from '@sveltejs/kit';
import { can } from '#lib/domain/permissions.ts';
import { isId } from '#lib/domain/validation.ts';
import { findBoardForUser } from '#lib/server/services/boards.ts';
import { findComment, listCommentVersions } from '#lib/server/services/comments.ts';
import type { RequestHandler } from './$types';

/** A comment's earlier bodies, newest first: for its author and the organisation's owners/managers only. */
export const GET: RequestHandler = async ({ locals, params }) => {
	if (!locals.user) error(401);
	const { db } = locals;
	const board = isId(params.boardId) ? await findBoardForUser(db, params.boardId, locals.user.id) : null;
	const comment = board && isId(params.commentId) ? await findComment(db, params.commentId) : undefined;
	if (!board || !comment || comment.board_id !== board.id || comment.card_id !== params.cardId) error(404);
	if (comment.author_id !== locals.user.id && !can(board.role, 'board.manage')) error(403);
	return json({ versions: await listCommentVersions(db, comment.id) });
};
