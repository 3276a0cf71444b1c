import * as v from 'valibot';
import * as Y from 'yjs';
import { feedCollection } from './feed.ts';
import { cardsMap } from './schema.ts';
import { cardSignals, SIGNALS, SignalRecord, type Signal } from './signals.ts';

/**
 * The board's signals inbox: a top-level Y.Map `inbox` (id → signal record, same shape as a card's
 * signals) holding observations not yet tied to an initiative, in the board's feed document (feed.ts):
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

/** A guest's feedback, with the card it was given on. */
export type GuestFeedback = Signal & { cardId: string };

/**
 * Guests' feedback on the board's cards, newest first: it lands on a card, and the inbox lists it
 * too, so a member sees every incoming signal in one place. (Members' observations carry a source.)
 */
export function readGuestFeedback(feed: Y.Doc): GuestFeedback[] {
	const feedback: GuestFeedback[] = [];
	for (const cardId of cardsMap(feed).keys())
		for (const signal of cardSignals(feed, cardId)) if (!signal.source) feedback.push({ ...signal, cardId });
	return feedback.sort((a, b) => b.at - a.at || (a.id < b.id ? -1 : 1));
}

/** Adds an unassigned signal (server side). False when the record is malformed. */
export function addInboxSignal(doc: Y.Doc, id: string, record: SignalRecord): boolean {
	if (!v.safeParse(SignalRecord, record).success) return false;
	inboxMap(doc).set(id, record);
	return true;
}

/** Moves a signal from the inbox into a card's signals (the caller checked the card). False when gone. */
export function attachInboxSignal(feed: Y.Doc, signalId: string, cardId: string): boolean {
	const signal = readInbox(feed).find((s) => s.id === signalId);
	if (!signal) return false;
	const { id: _id, ...record } = signal;
	feed.transact(() => {
		feedCollection(feed, cardId, SIGNALS).set(signalId, record);
		inboxMap(feed).delete(signalId);
	});
	return true;
}

/** Marks an inbox signal as turned into the idea `ideaId` (made next). False when gone or already converted. */
export function markInboxSignalConverted(feed: Y.Doc, signalId: string, ideaId: string): boolean {
	const signal = readInbox(feed).find((s) => s.id === signalId);
	if (!signal || signal.convertedTo) return false;
	const { id: _id, ...record } = signal;
	inboxMap(feed).set(signalId, { ...record, convertedTo: ideaId });
	return true;
}
