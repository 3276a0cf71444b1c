import * as Y from 'yjs';
import { objectivesMap, settingsMap } from '#lib/board/board-settings.ts';
import { COMMENTS } from '#lib/board/comments.ts';
import { cardsMap } from '#lib/board/schema.ts';
import { SIGNALS } from '#lib/board/signals.ts';
import { OPEN_HELP } from '#lib/board/help.ts';
import { INBOX } from '#lib/board/signal-inbox.ts';

/** Parts of a board document only the server writes: what a client writes there is put back. */
/** On each card; `openHelp` is a plain value, dropped like a container when a client sets it. */
const CARD_COLLECTIONS: ReadonlySet<string> = new Set([COMMENTS, SIGNALS, 'flags', OPEN_HELP]);

export type Revert = (doc: Y.Doc) => void;

/**
 * A CRDT cannot refuse a write, so the server undoes, right after it is applied, any client's write
 * to the server-only parts: comments and signals (their truth is in SQL, the document only mirrors
 * them), gate flags, the board's settings and global objectives. Without it, a member's hand-made
 * client could post a comment under someone else's name or lift a flag.
 */
export function guardServerOnly(
	doc: Y.Doc,
	isServer: (origin: unknown) => boolean,
	onRevert: (revert: Revert) => void
) {
	const cards = cardsMap(doc);
	const onCards = (events: Y.YEvent<Y.AbstractType<unknown>>[], transaction: Y.Transaction) => {
		if (isServer(transaction.origin)) return;
		for (const event of events) {
			const [cardId, collection] = event.path;
			if (typeof cardId !== 'string') continue;
			const card = (d: Y.Doc) => cardsMap(d).get(cardId);
			if (event.path.length === 1) {
				// A container made or replaced. Most card changes (a move, a title) touch none: no revert then,
				// as each one costs the room a copy of the whole document (Room.change).
				const revert = dropContainers(event, card);
				if (revert) onRevert(revert);
			} else if (event.path.length === 2 && typeof collection === 'string' && CARD_COLLECTIONS.has(collection))
				onRevert(putBack(event, (d) => card(d)?.get(collection)));
		}
	};
	const onBoardMap = (map: () => Y.Map<unknown>) => (event: Y.YMapEvent<unknown>, transaction: Y.Transaction) => {
		if (!isServer(transaction.origin)) onRevert(putBack(event, () => map()));
	};
	const onSettings = onBoardMap(() => settingsMap(doc));
	const onObjectives = onBoardMap(() => objectivesMap(doc));
	cards.observeDeep(onCards);
	settingsMap(doc).observe(onSettings);
	objectivesMap(doc).observe(onObjectives);
	doc.getMap(INBOX).observe(onBoardMap(() => doc.getMap(INBOX)));
}

interface KeyChanges {
	changes: { keys: Map<string, { action: 'add' | 'update' | 'delete'; oldValue: unknown }> };
}

/** The write that restores each key the event changed to its value before. */
function putBack(event: KeyChanges, target: (doc: Y.Doc) => unknown): Revert {
	const before = [...event.changes.keys].map(([key, change]) => ({ key, action: change.action, old: change.oldValue }));
	return (doc) => {
		const map = target(doc);
		if (!(map instanceof Y.Map)) return;
		for (const { key, action, old } of before) {
			if (action === 'add') map.delete(key);
			// A container cannot be put back once deleted; plain records (all these hold) can.
			else if (!(old instanceof Y.AbstractType)) map.set(key, old);
		}
	};
}

/** A server-only container a client created or replaced on a card is removed (the server makes its own). */
function dropContainers(event: KeyChanges, card: (doc: Y.Doc) => Y.Map<unknown> | undefined): Revert | null {
	const keys = [...event.changes.keys.keys()].filter((key) => CARD_COLLECTIONS.has(key));
	if (keys.length === 0) return null;
	return (doc) => {
		for (const key of keys) card(doc)?.delete(key);
	};
}
