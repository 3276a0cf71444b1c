import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { learningsTextName } from '#lib/board/card-texts.ts';
import { createCard } from '#lib/board/commands.ts';
import { getCard, readCards } from '#lib/board/schema.ts';
import { putEntry } from '#lib/board/section-commands.ts';
import { learningsText, microText } from '#lib/board/section-store.ts';
import { createLegacyCard } from '../../../../tests/factories/legacy-card.ts';
import { remapDocument } from './remap.ts';

const NEW = 'card_new_000001';
const OLD = 'card_old_000001';

/** A board with a card of each layout, each with entries and notes. */
function board(): Y.Doc {
	const doc = new Y.Doc();
	createCard(doc, { id: NEW, title: 'New', stage: 'review', rank: 'a0', createdBy: 'u' }, 1);
	createLegacyCard(doc, { id: OLD, title: 'Old', stage: 'ideas', rank: 'a1', createdBy: 'u' }, 2);
	for (const id of [NEW, OLD]) {
		putEntry(doc, id, 'strengths', 'strength_01', { text: `Loyal ${id}`, rank: 'a0' });
		putEntry(doc, id, 'forces', 'rivalry', { rating: 3, note: '' });
		microText(getCard(doc, id)!, 'clients')?.insert(0, `Notes ${id}`);
		learningsText(getCard(doc, id)!)?.insert(0, `Learned ${id}`);
	}
	doc.getText(learningsTextName('card_gone_00001')).insert(0, 'Of a card no longer there');
	return doc;
}

describe('remapDocument', () => {
	it('copies cards of both layouts with their entries and texts, leaving texts of missing cards behind', () => {
		const source = board();
		const copy = remapDocument(source, new Map());
		expect(readCards(copy)).toEqual(readCards(source));
		expect(copy.share.has(learningsTextName('card_gone_00001'))).toBe(false);
		// The copy is a document of its own: what it holds survives being sent.
		const received = new Y.Doc();
		Y.applyUpdate(received, Y.encodeStateAsUpdate(copy));
		expect(readCards(received)).toEqual(readCards(source));
	});

	it('renames a card’s texts after its new id', () => {
		const renamed = 'card_renamed_01';
		const copy = remapDocument(board(), new Map([[NEW, renamed]]));
		const card = readCards(copy).find((c) => c.id === renamed);
		expect(card?.sections).toMatchObject({ micro: { clients: `Notes ${NEW}` }, learnings: `Learned ${NEW}` });
		expect(copy.share.has(learningsTextName(NEW))).toBe(false);
	});
});
