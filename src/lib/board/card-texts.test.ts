import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { cardOfText, learningsTextName, microTextName, observeCardTexts, renameCardText } from './card-texts.ts';
import { createCard } from './commands.ts';
import { getCard } from './schema.ts';
import { learningsText, microText } from './section-store.ts';

const CARD = 'card_0123456789';

describe('card texts', () => {
	it('names texts after their card, and tells them from other root types', () => {
		expect(cardOfText(microTextName(CARD, 'clients'))).toBe(CARD);
		expect(cardOfText(learningsTextName(CARD))).toBe(CARD);
		for (const name of ['cards', 'settings', 'learnings:', 'micro:x', 'learnings:a:b', 'notes:card'])
			expect(cardOfText(name), name).toBeNull();
		expect(renameCardText(microTextName(CARD, 'partners'), 'card_other_0001')).toBe(
			microTextName('card_other_0001', 'partners')
		);
	});

	it('reports the cards whose texts a transaction changed, local or received', () => {
		const doc = new Y.Doc();
		createCard(doc, { id: CARD, title: 'T', stage: 'ideas', rank: 'a0', createdBy: 'u' });
		const server = new Y.Doc();
		Y.applyUpdate(server, Y.encodeStateAsUpdate(doc));
		const seen: string[][] = [];
		const stop = observeCardTexts(server, (ids) => seen.push([...ids]));
		const forward = (update: Uint8Array) => Y.applyUpdate(server, update);
		doc.on('update', forward);
		const card = getCard(doc, CARD)!;
		microText(card, 'clients')?.insert(0, 'Loyal'); // the server holds no Y.Text of that name yet
		learningsText(card)?.insert(0, 'Start small');
		learningsText(card)?.delete(0, 6);
		getCard(server, CARD)?.set('title', 'Renamed'); // not a text
		stop();
		learningsText(card)?.insert(0, 'after');
		expect(seen).toEqual([[CARD], [CARD], [CARD]]);
		doc.off('update', forward);
	});
});
