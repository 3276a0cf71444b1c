import type { Db } from '../db/open.ts';
import { isId } from '#lib/domain/validation.ts';
import { findBoardForUser, type BoardAccess } from './boards.ts';

export interface BoardCard {
	id: string;
	title: string;
	teamId: string | null;
}

/**
 * A card of this board, as the projection has it, or null. Card ids come from clients, so one is
 * only ever looked up together with its board: another board's document could reuse the same id.
 */
export async function findBoardCard(db: Db, boardId: string, cardId: string): Promise<BoardCard | null> {
	if (!isId(cardId)) return null;
	const row = await db
		.selectFrom('card')
		.select(['id', 'title', 'team_id'])
		.where('id', '=', cardId)
		.where('board_id', '=', boardId)
		.executeTakeFirst();
	return row ? { id: row.id, title: row.title, teamId: row.team_id } : null;
}

/** The board and the card when `userId` may open that board, else null: callers answer 404. */
export async function findCardForUser(
	db: Db,
	boardId: string,
	cardId: string,
	userId: string
): Promise<{ board: BoardAccess; card: BoardCard } | null> {
	if (!isId(boardId)) return null;
	const board = await findBoardForUser(db, boardId, userId);
	const card = board ? await findBoardCard(db, board.id, cardId) : null;
	return board && card ? { board, card } : null;
}
