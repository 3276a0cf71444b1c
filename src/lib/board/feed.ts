import * as Y from 'yjs';
import { cardsMap, getCard, type CardView } from './schema.ts';
import { isValidRecord, readEntries, type CollectionRecords, type Entry } from './sections.ts';

/**
 * A board's feed document: what only the server writes, and every member reads (it syncs down
 * read-only, at /sync/{boardId}/feed). Its layout keeps the names the board document used for them:
 *   cards: Y.Map<cardId, Y.Map>  — per card: comments, signals, flags (gate flags), openHelp
 *   settings, objectives         — the board's method settings and global objectives (board-settings.ts)
 *   inbox                        — the signals not tied to a card yet (signal-inbox.ts)
 * so the accessors of comments.ts, signals.ts, help.ts… read a feed as they read a card's map.
 * A feed card holds only these: the card itself (title, stage…) lives in the board document.
 */

export const FLAGS = 'flags';

/** The card's entry in the feed, made on the first write (only the server writes, one write at a time). */
export function feedCard(feed: Y.Doc, cardId: string): Y.Map<unknown> {
	const existing = getCard(feed, cardId);
	if (existing) return existing;
	const card = new Y.Map<unknown>();
	cardsMap(feed).set(cardId, card);
	return card;
}

/** A collection of the card's feed entry (a Y.Map of id → record), made when missing. */
export function feedCollection(feed: Y.Doc, cardId: string, name: string): Y.Map<unknown> {
	const card = feedCard(feed, cardId);
	const map = card.get(name);
	if (map instanceof Y.Map) return map;
	const made = new Y.Map<unknown>();
	card.set(name, made);
	return made;
}

/** The card's gate flags (moves that skipped a gate, found by the server), oldest first. */
export function readFlags(feed: Y.Doc, cardId: string): Entry<'flags'>[] {
	const card = getCard(feed, cardId);
	return card ? readEntries(card, 'flags').sort((a, b) => a.at - b.at) : [];
}

/** Adds a gate flag (server side); false when the record is malformed. */
export function putFlag(feed: Y.Doc, cardId: string, id: string, flag: CollectionRecords['flags']): boolean {
	if (!isValidRecord('flags', flag)) return false;
	feed.transact(() => feedCollection(feed, cardId, FLAGS).set(id, flag));
	return true;
}

/** The card as people see it: its gate flags are the feed's (whatever the board document says). */
export function withFeed(card: CardView, feed: Y.Doc): CardView {
	const flags = readFlags(feed, card.id);
	if (flags.length === 0 && card.sections.flags.length === 0) return card;
	return { ...card, sections: { ...card.sections, flags } };
}
