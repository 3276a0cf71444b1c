import { putFlag } from '#lib/board/feed.ts';
import { copyLegacyFeed, dropLegacyFeed, feedReady, hasLegacyFeed } from '#lib/board/feed-migration.ts';
import type { Db } from '../db/open.ts';
import { newId } from '../ids.ts';
import { mayForceGates } from '../services/boards.ts';
import type { SyncHooks } from '../sync/hooks.ts';
import type { Room } from '../sync/room.ts';
import { CardProjection } from './card-projection.ts';

/** What the projection needs of the sync hub: a board's feed room. */
export interface FeedRooms {
	openFeed(boardId: string): Promise<Room>;
}

/**
 * What follows from the board documents, subscribed to the sync hub's hooks: at load, an old board's
 * server-owned parts move into its feed, and its `card` rows are projected afresh; after each change,
 * the cards touched are projected (events logged, gate bypasses flagged in the feed, the guest portal
 * told); before unload, the last changes are projected.
 */
export class BoardProjection {
	#db: Db;
	#rooms: FeedRooms;
	#projections = new Map<Room, CardProjection>();
	/** Per board: who waits for changes of what guests see (the guest portal's live refresh). */
	#guestListeners = new Map<string, Set<() => void>>();

	constructor(db: Db, rooms: FeedRooms) {
		this.#db = db;
		this.#rooms = rooms;
	}

	readonly hooks: SyncHooks = {
		onLoaded: async (room) => {
			if (room.kind !== 'board') return;
			await moveLegacyFeed(room, await this.#rooms.openFeed(room.boardId));
			const projection = this.#follow(room);
			await projection.rebuild();
		},
		onApplied: (room) => {
			void this.#projections
				.get(room)
				?.flush()
				.catch((e: unknown) => console.error(`[projection] board ${room.boardId}: ${String(e)}`));
		},
		onSettle: async (room) => {
			await this.#projections.get(room)?.flush();
		},
		onUnloaded: (room) => {
			this.#projections.get(room)?.stop();
			this.#projections.delete(room);
		}
	};

	/** Calls `listener` after each projection that changed a card guests see (or saw); returns the unsubscribe. */
	onSharedCardsChanged(boardId: string, listener: () => void): () => void {
		const listeners = this.#guestListeners.get(boardId) ?? new Set();
		this.#guestListeners.set(boardId, listeners.add(listener));
		return () => {
			listeners.delete(listener);
			if (listeners.size === 0 && this.#guestListeners.get(boardId) === listeners) this.#guestListeners.delete(boardId);
		};
	}

	#follow(room: Room): CardProjection {
		const { boardId } = room;
		const feed = () => this.#rooms.openFeed(boardId);
		const projection = new CardProjection(this.#db, boardId, room.doc, {
			feed: async () => (await feed()).doc,
			mayOverride: (userId) => mayForceGates(this.#db, boardId, userId),
			onBypass: (cardId, flag) =>
				void feed()
					.then((f) => f.write(null, (doc) => putFlag(doc, cardId, newId(), flag)))
					.catch((e: unknown) => console.error(`[projection] gate flag: ${String(e)}`)),
			onGuestChange: () => {
				for (const listener of this.#guestListeners.get(boardId) ?? []) listener();
			}
		});
		this.#projections.set(room, projection);
		return projection;
	}
}

/** Subscribes the projection to the hub: call before any room loads. */
export function startProjection(db: Db, hub: FeedRooms & { use(hooks: SyncHooks): void }): BoardProjection {
	const projection = new BoardProjection(db, hub);
	hub.use(projection.hooks);
	return projection;
}

/** An old board's comments, signals, flags, settings… move into its feed (see board/feed-migration.ts). */
async function moveLegacyFeed(board: Room, feed: Room): Promise<void> {
	if (!feedReady(feed.doc)) await feed.write(null, (doc) => copyLegacyFeed(board.doc, doc));
	if (hasLegacyFeed(board.doc)) await board.write(null, dropLegacyFeed);
}
