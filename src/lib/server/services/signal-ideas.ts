import { nanoid } from 'nanoid';
import { rankForIndex, sortRanked } from '#lib/domain/ordering.ts';
import { readCards } from '#lib/board/schema.ts';
import { cardSignals, convertSignal, ideaTitle, type Signal } from '#lib/board/signals.ts';
import type { Runtime } from '../runtime.ts';

/**
 * Turns a signal into a new card at the end of Ideas & signals, linking back to its card, and marks
 * the signal converted, in one server write (signals are server-only: members cannot write them).
 * Returns the new card's id, or null when the signal is gone or already converted.
 */
export async function turnSignalIntoIdea(
	runtime: Runtime,
	input: { boardId: string; cardId: string; signalId: string; userId: string; describe: (signal: Signal) => string }
): Promise<string | null> {
	const room = await runtime.sync.openRoom(input.boardId);
	const signal = cardSignals(room.doc, input.cardId).find((s) => s.id === input.signalId);
	if (!signal || signal.convertedTo) return null;
	const id = nanoid();
	let converted = false;
	await room.change(input.userId, (doc) => {
		const ideas = sortRanked(readCards(doc).filter((c) => c.stage === 'ideas' && !c.archived));
		converted = convertSignal(doc, input.cardId, input.signalId, {
			id,
			title: ideaTitle(signal.text),
			stage: 'ideas',
			description: input.describe(signal),
			rank: rankForIndex(ideas, id, ideas.length),
			createdBy: input.userId
		});
	});
	return converted ? id : null;
}
