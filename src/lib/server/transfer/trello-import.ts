import type * as Y from 'yjs';
import { generateNKeysBetween } from 'fractional-indexing-jittered';
import { nanoid } from 'nanoid';
import { createCard, setArchived } from '#lib/board/commands.ts';
import { putComment } from '#lib/board/comments.ts';
import { readCards } from '#lib/board/schema.ts';
import { putEntry, setField } from '#lib/board/section-commands.ts';
import { sortRanked } from '#lib/domain/ordering.ts';
import type { Stage } from '#lib/domain/stages.ts';
import type { ImportedCard } from '#lib/domain/trello/plan.ts';
import type { BoardDeps } from '../deps.ts';
import { newId } from '../ids.ts';
import { toRecord, type CommentRow } from '../services/comments.ts';

/** Cards per server write: everyone connected sees them arrive in steps, each update a modest size. */
const CARDS_PER_WRITE = 50;
const COMMENTS_PER_WRITE = 200;

/** Places after the last card of each stage, in the order given. */
function placesFor(doc: Y.Doc, cards: readonly ImportedCard[]): string[] {
	const live = readCards(doc);
	const ranks = new Map<Stage, string[]>();
	for (const stage of new Set(cards.map((c) => c.stage))) {
		const last = sortRanked(live.filter((c) => c.stage === stage)).at(-1)?.rank ?? null;
		ranks.set(stage, generateNKeysBetween(last, null, cards.filter((c) => c.stage === stage).length));
	}
	return cards.map((c) => ranks.get(c.stage)?.shift() ?? 'a0');
}

function writeCard(doc: Y.Doc, id: string, rank: string, card: ImportedCard, userId: string): void {
	createCard(doc, { id, title: card.title, stage: card.stage, rank, createdBy: userId, description: card.description });
	if (card.archived) setArchived(doc, id, true);
	if (card.deadline) setField(doc, id, 'deadline', card.deadline);
	if (card.teamId) setField(doc, id, 'teamId', card.teamId);
	if (card.ownerId) setField(doc, id, 'ownerId', card.ownerId);
	const itemRanks = generateNKeysBetween(null, null, card.reviewItems.length);
	card.reviewItems.forEach((text, i) =>
		putEntry(doc, id, 'strengths', nanoid(12), { text, rank: itemRanks[i] ?? 'a0' })
	);
}

/**
 * Adds the planned cards to the board through its live room (server writes, stored before they are
 * applied, so everyone connected sees them), then their comments: rows first, then the feed.
 * Returns how many cards were added.
 */
export async function importTrelloCards(
	deps: BoardDeps,
	boardId: string,
	userId: string,
	cards: readonly ImportedCard[]
): Promise<number> {
	const room = await deps.sync.openRoom(boardId);
	const ids = cards.map(() => newId());
	const ranks = placesFor(room.doc, cards);
	for (let i = 0; i < cards.length; i += CARDS_PER_WRITE)
		await room.write(userId, (doc) => {
			for (let j = i; j < Math.min(i + CARDS_PER_WRITE, cards.length); j++)
				writeCard(doc, ids[j] ?? '', ranks[j] ?? 'a0', cards[j] as ImportedCard, userId);
		});
	const rows: CommentRow[] = cards.flatMap((card, i) =>
		card.comments.map((c) => ({
			id: newId(),
			board_id: boardId,
			card_id: ids[i] ?? '',
			parent_id: null,
			author_id: c.authorId ?? userId,
			body: c.text,
			created_at: c.at,
			edited_at: null,
			deleted_at: null
		}))
	);
	await deps.db.transaction().execute(async (trx) => {
		for (let i = 0; i < rows.length; i += 200)
			await trx
				.insertInto('comment')
				.values(rows.slice(i, i + 200))
				.execute();
	});
	const feed = await deps.sync.openFeed(boardId);
	for (let i = 0; i < rows.length; i += COMMENTS_PER_WRITE)
		await feed.write(userId, (doc) => {
			for (const row of rows.slice(i, i + COMMENTS_PER_WRITE)) putComment(doc, row.card_id, row.id, toRecord(row));
		});
	return cards.length;
}
