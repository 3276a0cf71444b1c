import type { Db } from '../../src/lib/server/db/open.ts';
import { newId } from '../../src/lib/server/ids.ts';

/** A comment row as the comments service writes it (without its mirror in the board document). */
export async function insertComment(
	db: Db,
	comment: { boardId: string; cardId: string; authorId: string; body: string; parentId?: string | null }
): Promise<string> {
	const id = newId();
	await db
		.insertInto('comment')
		.values({
			id,
			board_id: comment.boardId,
			card_id: comment.cardId,
			parent_id: comment.parentId ?? null,
			author_id: comment.authorId,
			body: comment.body,
			created_at: Date.now(),
			edited_at: null,
			deleted_at: null
		})
		.execute();
	return id;
}
