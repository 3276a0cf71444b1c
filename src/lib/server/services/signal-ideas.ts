import { nanoid } from 'nanoid';
import { rankForIndex, sortRanked } from '#lib/domain/ordering.ts';
import { createCard } from '#lib/board/commands.ts';
import { readCards } from '#lib/board/schema.ts';
import { cardSignals, ideaTitle, markSignalConverted, type Signal } from '#lib/board/signals.ts';
import type { BoardDeps } from '../deps.ts';

/**
 * Turns a signal into a new card at the end of Ideas & signals, linking back to its card: the signal
 * is marked converted in the feed first (which refuses a second conversion), then the card is made.
 * Returns the new card's id, or null when the signal is gone or already converted.
 */
export async function turnSignalIntoIdea(
	deps: Pick<BoardDeps, 'sync'>,
	input: { boardId: string; cardId: string; signalId: string; userId: string; describe: (signal: Signal) => string }
): Promise<string | null> {
	const feed = await deps.sync.openFeed(input.boardId);
	const signal = cardSignals(feed.doc, input.cardId).find((s) => s.id === input.signalId);
	if (!signal || signal.convertedTo) return null;
	const id = nanoid();
	const marked = await feed.write(input.userId, (doc) => markSignalConverted(doc, input.cardId, input.signalId, id));
	if (!marked) return null;
	await addIdea(deps, input.boardId, input.userId, {
		id,
		title: ideaTitle(signal.text),
		description: input.describe(signal)
	});
	return id;
}

/** A new card at the end of Ideas & signals (a signal turned into an idea). */
export async function addIdea(
	deps: Pick<BoardDeps, 'sync'>,
	boardId: string,
	userId: string,
	idea: { id: string; title: string; description: string }
): Promise<void> {
	const room = await deps.sync.openRoom(boardId);
	await room.write(userId, (doc) => {
		const ideas = sortRanked(readCards(doc).filter((c) => c.stage === 'ideas' && !c.archived));
		createCard(doc, { ...idea, stage: 'ideas', rank: rankForIndex(ideas, idea.id, ideas.length), createdBy: userId });
	});
}
