import { putFlag } from '#lib/board/feed.ts';
import { copyLegacyFeed, dropLegacyFeed, feedReady, hasLegacyFeed } from '#lib/board/feed-migration.ts';
import { publishJson, soloBus, subscribeJson, type ClusterBus } from '../cluster/bus.ts';
import { boardLeaseKey, soloLeases, type Leases } from '../cluster/lease.ts';
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

export interface BoardProjectionOptions {
	/** Who projects each board (soloLeases, the default: this process, all of them). */
	leases?: Leases;
	/** Where the guest portal's change notices go to the other processes (soloBus: nowhere). */
	bus?: ClusterBus;
	/** How often a live board that another process projects is claimed again (in case that one died). */
	retryEveryMs?: number;
}

/**
 * What follows from the board documents, subscribed to the sync hub's hooks: at load, an old board's
 * server-owned parts move into its feed, and its `card` rows are projected afresh; after each change,
 * the cards touched are projected (events logged, gate bypasses flagged in the feed, the guest portal
 * told); before unload, the last changes are projected. In a cluster only the holder of a board's lease
 * does this (every write checks it); the others claim it now and then, and a new holder first projects
 * the board afresh from its document, so nothing the old one missed is lost.
 */
export class BoardProjection {
	#db: Db;
	#rooms: FeedRooms;
	#leases: Leases;
	#bus: ClusterBus;
	#projections = new Map<Room, CardProjection>();
	/** The live board rooms another process projects. */
	#waiting = new Set<Room>();
	#live = new Set<Room>();
	#retry: ReturnType<typeof setInterval> | null = null;
	#stopLost: () => void;
	/** Per board: who waits for changes of what guests see (the guest portal's live refresh). */
	#guestListeners = new Map<string, Set<() => void>>();
	/** Per board with guest listeners here: the subscription to the other processes' notices. */
	#guestRelays = new Map<string, Promise<() => Promise<void>>>();

	constructor(
		db: Db,
		rooms: FeedRooms,
		{ leases = soloLeases, bus = soloBus, retryEveryMs = 5_000 }: BoardProjectionOptions = {}
	) {
		this.#db = db;
		this.#rooms = rooms;
		this.#leases = leases;
		this.#bus = bus;
		this.#stopLost = leases.onLost((key) => this.#lost(key));
		if (leases !== soloLeases) {
			this.#retry = setInterval(() => this.#claimWaiting(), retryEveryMs);
			this.#retry.unref();
		}
	}

	readonly hooks: SyncHooks = {
		onLoaded: async (room) => {
			if (room.kind !== 'board') return;
			this.#live.add(room);
			await this.#claim(room);
		},
		onApplied: (room) => this.#projections.get(room)?.flushSoon(),
		onSettle: async (room) => {
			await this.#projections.get(room)?.flush();
		},
		onUnloaded: (room) => {
			this.#live.delete(room);
			this.#waiting.delete(room);
			if (this.#unfollow(room)) void this.#leases.release(boardLeaseKey(room.boardId));
		}
	};

	/** Whether this process does the side effects of this board (its projection, its compaction). */
	owns(boardId: string): boolean {
		return this.#leases.holds(boardLeaseKey(boardId));
	}

	/** Calls `listener` after each projection that changed a card guests see (or saw); returns the unsubscribe. */
	onSharedCardsChanged(boardId: string, listener: () => void): () => void {
		const listeners = this.#guestListeners.get(boardId) ?? new Set();
		this.#guestListeners.set(boardId, listeners.add(listener));
		if (this.#bus.shared && !this.#guestRelays.has(boardId))
			this.#guestRelays.set(
				boardId,
				subscribeJson(
					this.#bus,
					guestChannel(boardId),
					() => true,
					() => this.#tellGuestsHere(boardId)
				)
			);
		return () => {
			listeners.delete(listener);
			if (listeners.size > 0 || this.#guestListeners.get(boardId) !== listeners) return;
			this.#guestListeners.delete(boardId);
			const relay = this.#guestRelays.get(boardId);
			this.#guestRelays.delete(boardId);
			void relay?.then((stop) => stop());
		};
	}

	/** Stops projecting and lets every board go (after the hub settled its rooms). */
	async close(): Promise<void> {
		if (this.#retry) clearInterval(this.#retry);
		this.#stopLost();
		const owned = [...this.#projections.keys()];
		for (const room of owned) this.#unfollow(room);
		await Promise.all(owned.map((room) => this.#leases.release(boardLeaseKey(room.boardId))));
		const relays = [...this.#guestRelays.values()];
		this.#guestRelays.clear();
		await Promise.all(relays.map(async (relay) => (await relay)()));
	}

	/** Projects the board if this process gets its lease; otherwise waits for its turn. */
	async #claim(room: Room): Promise<void> {
		if (!(await this.#leases.acquire(boardLeaseKey(room.boardId)))) {
			if (this.#live.has(room)) this.#waiting.add(room);
			return;
		}
		this.#waiting.delete(room);
		if (!this.#live.has(room)) return void (await this.#leases.release(boardLeaseKey(room.boardId)));
		await moveLegacyFeed(room, await this.#rooms.openFeed(room.boardId));
		await this.#follow(room).rebuild();
	}

	#claimWaiting(): void {
		for (const room of this.#waiting)
			void this.#claim(room).catch((e: unknown) => console.error(`[projection] board ${room.boardId}: ${String(e)}`));
	}

	/** The lease went (renewal failed, or taken): stop at once, and wait for a turn again. */
	#lost(key: string): void {
		for (const room of [...this.#projections.keys()]) {
			if (boardLeaseKey(room.boardId) !== key) continue;
			this.#unfollow(room);
			if (this.#live.has(room)) this.#waiting.add(room);
		}
	}

	#unfollow(room: Room): boolean {
		const projection = this.#projections.get(room);
		projection?.stop();
		return this.#projections.delete(room);
	}

	#tellGuestsHere(boardId: string): void {
		for (const listener of this.#guestListeners.get(boardId) ?? []) listener();
	}

	#follow(room: Room): CardProjection {
		const { boardId } = room;
		const key = boardLeaseKey(boardId);
		const feed = () => this.#rooms.openFeed(boardId);
		const projection = new CardProjection(this.#db, boardId, room.doc, {
			feed: async () => (await feed()).doc,
			mayOverride: (userId) => mayForceGates(this.#db, boardId, userId),
			onBypass: (cardId, flag) =>
				void feed()
					.then((f) => f.write(null, (doc) => putFlag(doc, cardId, newId(), flag)))
					.catch((e: unknown) => console.error(`[projection] gate flag: ${String(e)}`)),
			onGuestChange: () => {
				this.#tellGuestsHere(boardId);
				// Guests may follow this board on another process.
				if (this.#bus.shared) void publishJson(this.#bus, guestChannel(boardId), {});
			},
			guard: this.#leases === soloLeases ? undefined : (trx) => this.#leases.guard(trx, key)
		});
		this.#unfollow(room);
		this.#projections.set(room, projection);
		return projection;
	}
}

/** Subscribes the projection to the hub: call before any room loads. */
export function startProjection(
	db: Db,
	hub: FeedRooms & { use(hooks: SyncHooks): void },
	options: BoardProjectionOptions = {}
): BoardProjection {
	const projection = new BoardProjection(db, hub, options);
	hub.use(projection.hooks);
	return projection;
}

function guestChannel(boardId: string): string {
	return `guests:${boardId}`;
}

/** An old board's comments, signals, flags, settings… move into its feed (see board/feed-migration.ts). */
async function moveLegacyFeed(board: Room, feed: Room): Promise<void> {
	if (!feedReady(feed.doc)) await feed.write(null, (doc) => copyLegacyFeed(board.doc, doc));
	if (hasLegacyFeed(board.doc)) await board.write(null, dropLegacyFeed);
}
