import * as v from 'valibot';
import { nanoid } from 'nanoid';
import { createCard } from '#lib/board/commands.ts';
import { readSettings } from '#lib/board/board-settings.ts';
import { getCard, readCard, readCards, type CardView } from '#lib/board/schema.ts';
import { liveCards, readWipLimits } from '#lib/board/wip-limits.ts';
import { moveWithGates, readColumn, type MoveResult } from '#lib/board/gated-move.ts';
import { OverrideReasonInput } from '#lib/domain/method/schemas.ts';
import { rankForIndex } from '#lib/domain/ordering.ts';
import { STAGES } from '#lib/domain/stages.ts';
import { CardTitle, LIMITS } from '#lib/domain/validation.ts';
import type { BoardDeps } from '../deps.ts';
import { mayForceGates } from '../services/boards.ts';

/** Cards as the API shows them, created and moved through the same write path as the board page. */

export const NewCardInput = v.object({
	title: CardTitle,
	description: v.optional(v.pipe(v.string(), v.maxLength(LIMITS.description)), '')
});

export const MoveInput = v.object({
	stage: v.picklist(STAGES),
	/** Place in the column, counted without the card; the end when absent. */
	index: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))),
	overrideReason: v.optional(OverrideReasonInput)
});

export function toApiCard(card: CardView) {
	const { id, title, description, stage, archived, createdAt, createdBy, sections } = card;
	return {
		id,
		title,
		description,
		stage,
		archived,
		createdAt: new Date(createdAt).toISOString(),
		createdBy,
		ownerId: sections.ownerId,
		teamId: sections.teamId,
		objective: sections.objective,
		outcome: sections.outcome
	};
}

/** The card as the live board document has it, or null. */
export async function readLiveCard(deps: Pick<BoardDeps, 'sync'>, boardId: string, cardId: string) {
	const room = await deps.sync.openRoom(boardId);
	const map = getCard(room.doc, cardId);
	return map ? readCard(map) : null;
}

/** A new card at the end of Ideas & signals, written into the live room (everyone sees it at once). */
export async function createApiCard(
	deps: Pick<BoardDeps, 'sync'>,
	boardId: string,
	userId: string,
	input: v.InferOutput<typeof NewCardInput>
): Promise<CardView | null> {
	const room = await deps.sync.openRoom(boardId);
	const id = nanoid();
	await room.write(userId, (doc) => {
		const ideas = readColumn(doc, 'ideas');
		createCard(doc, { id, ...input, stage: 'ideas', rank: rankForIndex(ideas, id, ideas.length), createdBy: userId });
	});
	return readLiveCard(deps, boardId, id);
}

/** Moves a card through the gates, exactly as the board page does; null when the card is gone. */
export async function moveApiCard(
	deps: BoardDeps,
	boardId: string,
	userId: string,
	cardId: string,
	input: v.InferOutput<typeof MoveInput>
): Promise<MoveResult | null> {
	const feed = (await deps.sync.openFeed(boardId)).doc;
	const settings = readSettings(feed);
	const limits = readWipLimits(feed);
	const by = { id: userId, canOverride: await mayForceGates(deps.db, boardId, userId) };
	const room = await deps.sync.openRoom(boardId);
	return room.write(userId, (doc) => {
		const map = getCard(doc, cardId);
		const card = map ? readCard(map) : null;
		if (!card || card.archived) return null;
		const column = readColumn(doc, input.stage);
		const index = input.index ?? column.filter((c) => c.id !== cardId).length;
		const { overrideReason } = input;
		const wip = { cards: liveCards(readCards(doc)), limits };
		return moveWithGates(doc, { card, to: input.stage, column, index, settings, wip, by, overrideReason });
	});
}
