import * as Y from 'yjs';
import { createCard, type NewCard } from '../../src/lib/board/commands.ts';
import { getCard } from '../../src/lib/board/schema.ts';
import { COLLECTIONS } from '../../src/lib/board/sections.ts';
import { ACTORS } from '../../src/lib/domain/method/types.ts';

/**
 * A card as boards stored before sections were made on first use: every collection a nested Y.Map,
 * a `micro` Y.Map of one Y.Text per actor and a `learnings` Y.Text, all made with the card.
 */
export function createLegacyCard(doc: Y.Doc, input: NewCard, now?: number): Y.Map<unknown> {
	createCard(doc, input, now);
	const card = getCard(doc, input.id)!;
	doc.transact(() => {
		for (const collection of COLLECTIONS) card.set(collection, new Y.Map());
		const micro = new Y.Map<Y.Text>();
		for (const actor of ACTORS) micro.set(actor, new Y.Text());
		card.set('micro', micro);
		card.set('learnings', new Y.Text());
	});
	return card;
}
