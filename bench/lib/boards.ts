import { generateNKeysBetween } from 'fractional-indexing-jittered';
import * as Y from 'yjs';
import { createCard } from '../../src/lib/board/commands.ts';
import { STAGES, type Stage } from '../../src/lib/domain/stages.ts';
import { newId } from '../../src/lib/server/ids.ts';

export interface BoardContent {
	update: Uint8Array;
	cardIds: string[];
}

/**
 * A board document with `cards` cards spread over `stages` (all unless told), built with the app's own createCard
 * (fresh card ids each time: card ids are unique across boards), each description `textBytes` long.
 */
export function buildBoard(
	cards: number,
	textBytes = 0,
	createdBy = 'bench',
	stages: readonly Stage[] = STAGES
): BoardContent {
	const doc = new Y.Doc();
	const cardIds: string[] = [];
	const perStage = Math.ceil(cards / stages.length);
	const ranks = generateNKeysBetween(null, null, perStage);
	const text =
		textBytes > 0 ? 'Lorem ipsum dolor sit amet, '.repeat(Math.ceil(textBytes / 28)).slice(0, textBytes) : '';
	doc.transact(() => {
		for (let i = 0; i < cards; i++) {
			const id = newId();
			cardIds.push(id);
			const stage = stages[i % stages.length] ?? 'ideas';
			const rank = ranks[Math.floor(i / stages.length)] ?? 'a0';
			createCard(doc, { id, title: `Carte ${i + 1}`, stage, rank, createdBy, description: text }, 0);
		}
	});
	const update = Y.encodeStateAsUpdate(doc);
	doc.destroy();
	return { update, cardIds };
}
