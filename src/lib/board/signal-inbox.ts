import * as v from 'valibot';
import * as Y from 'yjs';
import { createCard, type NewCard } from './commands.ts';
import { getCard } from './schema.ts';
import { SIGNALS, SignalRecord, type Signal } from './signals.ts';

/**
 * The board's signals inbox: a top-level Y.Map `inbox` (id → signal record, same shape as a card's
 * signals) holding observations not yet tied to an initiative. Server-only (sync/server-only.ts):
 * members record, attach and convert through the server. Every read validates.
 */
export const INBOX = 'inbox';

export function inboxMap(doc: Y.Doc): Y.Map<unknown> {
	return doc.getMap(INBOX);
}

/** The inbox's valid signals, newest first (converted ones included, marked). */
export function readInbox(doc: Y.Doc): Signal[] {
	const signals: Signal[] = [];
	for (const [id, value] of inboxMap(doc).entries()) {
		const parsed = v.safeParse(SignalRecord, value);
		if (parsed.success) signals.push({ ...parsed.output, id });
	}
	return signals.sort((a, b) => b.at - a.at || (a.id < b.id ? -1 : 1));
}

/** Adds an unassigned signal (server side). False when the record is malformed. */
export function addInboxSignal(doc: Y.Doc, id: string, record: SignalRecord): boolean {
	if (!v.safeParse(SignalRecord, record).success) return false;
	inboxMap(doc).set(id, record);
	return true;
}

/** Moves a signal from the inbox into a card's signals, in one transaction. False without either. */
export function attachInboxSignal(doc: Y.Doc, signalId: string, cardId: string): boolean {
	const card = getCard(doc, cardId);
	const signal = readInbox(doc).find((s) => s.id === signalId);
	if (!card || !signal) return false;
	const { id: _id, ...record } = signal;
	doc.transact(() => {
		let map = card.get(SIGNALS);
		if (!(map instanceof Y.Map)) card.set(SIGNALS, (map = new Y.Map()));
		(map as Y.Map<unknown>).set(signalId, record);
		inboxMap(doc).delete(signalId);
	});
	return true;
}

/** Turns an inbox signal into a new card and marks it converted. False when gone or already converted. */
export function convertInboxSignal(doc: Y.Doc, signalId: string, idea: NewCard): boolean {
	const signal = readInbox(doc).find((s) => s.id === signalId);
	if (!signal || signal.convertedTo) return false;
	const { id: _id, ...record } = signal;
	doc.transact(() => {
		createCard(doc, idea);
		inboxMap(doc).set(signalId, { ...record, convertedTo: idea.id });
	});
	return true;
}
