import * as Y from 'yjs';
import type { Actor } from '#lib/domain/method/types.ts';
import { learningsTextName, microTextName } from './card-texts.ts';

/**
 * Where a card's collections and texts are stored; the only module that knows (sections.ts reads
 * and validates through it). Two layouts:
 *  - a card holds each collection's record under `<collection>/<id>` in its own map, and its texts
 *    are root-level (card-texts.ts): nothing is created before it is written, and two people adding
 *    at once write different keys or merge into the same named text, so no write is lost;
 *  - cards created before that (and feed cards' flags, see feed.ts) hold a nested container per
 *    collection (a Y.Map of id → record), a `micro` Y.Map of one Y.Text per actor and a `learnings`
 *    Y.Text, all made with the card. Such a card keeps being read and written in its containers:
 *    they exist for every client alike, so each picks the same layout.
 */

const SEPARATOR = '/';
const MICRO = 'micro';
const LEARNINGS = 'learnings';

/** The collection's nested container on a card of the older layout. */
function legacyMap(card: Y.Map<unknown>, collection: string): Y.Map<unknown> | null {
	const map = card.get(collection);
	return map instanceof Y.Map ? map : null;
}

const keyOf = (collection: string, id: string) => collection + SEPARATOR + id;

/** The collection's records as [id, value], in map order (unvalidated). */
export function collectionEntries(card: Y.Map<unknown>, collection: string): [string, unknown][] {
	const legacy = legacyMap(card, collection);
	if (legacy) return [...legacy.entries()];
	const prefix = keyOf(collection, '');
	const entries: [string, unknown][] = [];
	for (const [key, value] of card.entries())
		if (key.startsWith(prefix)) entries.push([key.slice(prefix.length), value]);
	return entries;
}

/** The map a record is stored in, and its key there. */
function slot(card: Y.Map<unknown>, collection: string, id: string): [Y.Map<unknown>, string] {
	const legacy = legacyMap(card, collection);
	return legacy ? [legacy, id] : [card, keyOf(collection, id)];
}

export function getRecord(card: Y.Map<unknown>, collection: string, id: string): unknown {
	const [map, key] = slot(card, collection, id);
	return map.get(key);
}

export function setRecord(card: Y.Map<unknown>, collection: string, id: string, record: unknown): void {
	const [map, key] = slot(card, collection, id);
	map.set(key, record);
}

export function deleteRecord(card: Y.Map<unknown>, collection: string, id: string): void {
	const [map, key] = slot(card, collection, id);
	if (map.has(key)) map.delete(key);
}

/** A text of the card: its nested one (older layout), else the root-level one named `name`. */
function textOf(card: Y.Map<unknown>, legacy: unknown, name: (cardId: string) => string, create: boolean) {
	if (legacy instanceof Y.Text) return legacy;
	const id = card.get('id');
	const doc = card.doc;
	if (typeof id !== 'string' || !doc) return null;
	return create || doc.share.has(name(id)) ? doc.getText(name(id)) : null;
}

function legacyMicro(card: Y.Map<unknown>, actor: Actor): unknown {
	const micro = card.get(MICRO);
	return micro instanceof Y.Map ? micro.get(actor) : undefined;
}

/** The shared note on one actor, made if missing (to edit it). Null on a card not in a document. */
export function microText(card: Y.Map<unknown>, actor: Actor): Y.Text | null {
	return textOf(card, legacyMicro(card, actor), (id) => microTextName(id, actor), true);
}

export function learningsText(card: Y.Map<unknown>): Y.Text | null {
	return textOf(card, card.get(LEARNINGS), learningsTextName, true);
}

/** The note's content; reading never makes the text. */
export function readMicro(card: Y.Map<unknown>, actor: Actor): string {
	return textOf(card, legacyMicro(card, actor), (id) => microTextName(id, actor), false)?.toString() ?? '';
}

export function readLearnings(card: Y.Map<unknown>): string {
	return textOf(card, card.get(LEARNINGS), learningsTextName, false)?.toString() ?? '';
}
