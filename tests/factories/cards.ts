import type { Db } from '../../src/lib/server/db/open.ts';

/** A projected card row, written straight into the table (no board document behind it). */
export async function insertCardRow(
	db: Db,
	card: { id: string; boardId: string; title: string; ownerId?: string | null; teamId?: string | null }
): Promise<void> {
	await db
		.insertInto('card')
		.values({
			id: card.id,
			board_id: card.boardId,
			title: card.title,
			stage: 'ideas',
			rank: 'a0',
			archived: 0,
			updated_at: Date.now(),
			owner_id: card.ownerId ?? null,
			team_id: card.teamId ?? null
		})
		.execute();
}
