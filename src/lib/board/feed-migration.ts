import * as Y from 'yjs';
import { objectivesMap, settingsMap } from './board-settings.ts';
import { COMMENTS } from './comments.ts';
import { feedCard, FLAGS } from './feed.ts';
import { OPEN_HELP } from './help.ts';
import { cardsMap } from './schema.ts';
import { INBOX } from './signal-inbox.ts';
import { SIGNALS } from './signals.ts';

/**
 * Boards written before the feed document held the server's parts in the board document itself.
 * At load they move into the feed, once (the feed then says so), and leave the board document:
 * `copyLegacyFeed` (a server write on the feed), then `dropLegacyFeed` (one on the board). Both are
 * idempotent, so a crash between them loses nothing: the copy is not made again (what a client may
 * have written into the board since is not trusted), and the leftovers are dropped at the next load.
 */

const CARD_COLLECTIONS = [COMMENTS, SIGNALS, FLAGS] as const;
const BOARD_MAPS = [settingsMap, objectivesMap, (doc: Y.Doc) => doc.getMap(INBOX)];
const META = 'meta';
const MIGRATED = 'fromBoardDocument';

/** Whether the feed was set up (a new board's, or an old board's after the move). */
export function feedReady(feed: Y.Doc): boolean {
	return feed.getMap(META).get(MIGRATED) === true;
}

/** Copies the board document's server-owned parts into the feed (keeping what the feed has), and marks it ready. */
export function copyLegacyFeed(board: Y.Doc, feed: Y.Doc): void {
	if (feedReady(feed)) return;
	for (const [cardId, card] of cardsMap(board)) {
		if (!(card instanceof Y.Map)) continue;
		for (const name of CARD_COLLECTIONS) {
			const legacy = card.get(name);
			if (!(legacy instanceof Y.Map) || legacy.size === 0) continue;
			const target = feedCard(feed, cardId);
			let map = target.get(name);
			if (!(map instanceof Y.Map)) target.set(name, (map = new Y.Map()));
			for (const [id, value] of legacy)
				if (!(map as Y.Map<unknown>).has(id)) (map as Y.Map<unknown>).set(id, plain(value));
		}
		const help = card.get(OPEN_HELP);
		if (Array.isArray(help) && !getFeedHelp(feed, cardId)) feedCard(feed, cardId).set(OPEN_HELP, [...help]);
	}
	for (const mapOf of BOARD_MAPS) {
		const target = mapOf(feed);
		for (const [key, value] of mapOf(board)) if (!target.has(key)) target.set(key, plain(value));
	}
	feed.getMap(META).set(MIGRATED, true);
}

/** Whether the board document still holds server-owned parts (so `dropLegacyFeed` has work). */
export function hasLegacyFeed(board: Y.Doc): boolean {
	if (BOARD_MAPS.some((mapOf) => mapOf(board).size > 0)) return true;
	for (const card of cardsMap(board).values()) {
		if (!(card instanceof Y.Map)) continue;
		if (card.has(OPEN_HELP)) return true;
		for (const name of CARD_COLLECTIONS) {
			const legacy = card.get(name);
			if (legacy instanceof Y.Map ? legacy.size > 0 : legacy !== undefined) return true;
		}
	}
	return false;
}

/** Removes the server-owned parts from the board document (an empty container stays: it shows nothing). */
export function dropLegacyFeed(board: Y.Doc): void {
	for (const card of cardsMap(board).values()) {
		if (!(card instanceof Y.Map)) continue;
		if (card.has(OPEN_HELP)) card.delete(OPEN_HELP);
		for (const name of CARD_COLLECTIONS) {
			const legacy = card.get(name);
			if (legacy instanceof Y.Map) for (const key of [...legacy.keys()]) legacy.delete(key);
			else if (legacy !== undefined) card.delete(name);
		}
	}
	for (const mapOf of BOARD_MAPS) {
		const map = mapOf(board);
		for (const key of [...map.keys()]) map.delete(key);
	}
}

function getFeedHelp(feed: Y.Doc, cardId: string): unknown {
	const card = cardsMap(feed).get(cardId);
	return card instanceof Y.Map ? card.get(OPEN_HELP) : undefined;
}

/** Stored records are plain JSON; a container found there (a hostile write) is not carried over. */
function plain(value: unknown): unknown {
	return value instanceof Y.AbstractType ? null : value;
}
