import * as Y from 'yjs';
import { cardOfText, renameCardText } from '#lib/board/card-texts.ts';
import { cardsMap } from '#lib/board/schema.ts';

/** Old id → new id. Strings equal to an old id are replaced wherever they stand (keys, values, JSON). */
export type IdMap = ReadonlyMap<string, string>;

/** A plain JSON-like value with every id of the map replaced (free text is never a bare id, so it stays). */
export function remapValue(value: unknown, ids: IdMap): unknown {
	if (typeof value === 'string') return ids.get(value) ?? value;
	if (Array.isArray(value)) return value.map((item) => remapValue(item, ids));
	if (value instanceof Uint8Array || value === null || typeof value !== 'object') return value;
	return Object.fromEntries(Object.entries(value).map(([k, v]) => [ids.get(k) ?? k, remapValue(v, ids)]));
}

/** A JSON column's text with its ids replaced. */
export function remapJson(text: string, ids: IdMap): string {
	return JSON.stringify(remapValue(JSON.parse(text), ids));
}

/** A detached copy of a shared type (a map's keys and plain values remapped; texts copied as they are). */
export function copyType(value: unknown, ids: IdMap): unknown {
	if (value instanceof Y.Map) {
		const map = new Y.Map<unknown>();
		for (const [key, item] of value.entries()) map.set(ids.get(key) ?? key, copyType(item, ids));
		return map;
	}
	if (value instanceof Y.Array) {
		const array = new Y.Array<unknown>();
		array.push(value.toArray().map((item) => copyType(item, ids)));
		return array;
	}
	if (value instanceof Y.Text || value instanceof Y.XmlFragment) return value.clone();
	return remapValue(value, ids);
}

/**
 * A new document holding the same content as `source` under new ids. The board and feed documents
 * keep maps at their top level (cards, settings, objectives, inbox…), each copied entry by entry,
 * and the board its cards' texts (card-texts.ts), renamed after the card's new id. A text whose
 * card is gone is left behind: nothing reads it.
 */
export function remapDocument(source: Y.Doc, ids: IdMap): Y.Doc {
	const target = new Y.Doc({ gc: true });
	const cards = cardsMap(source);
	target.transact(() => {
		for (const name of [...source.share.keys()]) {
			const cardId = cardOfText(name);
			if (cardId !== null) {
				if (!cards.has(cardId)) continue;
				const text = target.getText(renameCardText(name, ids.get(cardId) ?? cardId));
				text.applyDelta(source.getText(name).toDelta());
				continue;
			}
			const from = source.getMap<unknown>(name);
			const to = target.getMap<unknown>(name);
			for (const [key, item] of from.entries()) to.set(ids.get(key) ?? key, copyType(item, ids));
		}
	});
	return target;
}
