import type * as Y from 'yjs';
import { getCard } from './schema.ts';
import { deleteRecord, getRecord, setRecord } from './section-store.ts';
import { FIELDS, type Collection, type CollectionRecords, type Field, type FieldValue } from './sections.ts';

/** Writes to a card's sections. Callers validate first (FIELD_INPUTS, the method schemas). */

/** Sets a plain field; '' or null clears it. */
export function setField<F extends Field>(doc: Y.Doc, cardId: string, field: F, value: FieldValue<F>): void {
	const card = getCard(doc, cardId);
	if (!card) return;
	const key = FIELDS[field];
	if (value === '' || value === null) {
		if (card.has(key)) card.delete(key);
	} else if (!sameValue(card.get(key), value)) card.set(key, value);
}

/** Adds or replaces one record of a collection, whole. */
export function putEntry<C extends Collection>(
	doc: Y.Doc,
	cardId: string,
	collection: C,
	id: string,
	record: CollectionRecords[C]
): void {
	const card = getCard(doc, cardId);
	if (card && !sameValue(getRecord(card, collection, id), record)) setRecord(card, collection, id, record);
}

export function removeEntry(doc: Y.Doc, cardId: string, collection: Collection, id: string): void {
	const card = getCard(doc, cardId);
	if (card) deleteRecord(card, collection, id);
}

/** Values are JSON-like, so comparing their JSON is exact; it spares an update for a no-op write. */
function sameValue(a: unknown, b: unknown): boolean {
	return JSON.stringify(a) === JSON.stringify(b);
}
