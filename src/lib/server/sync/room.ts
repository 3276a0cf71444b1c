import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { CLOSE } from '#lib/domain/close-codes.ts';
import type { BoardStore, StoredUpdate } from './store.ts';
import {
	ownAwarenessUpdate,
	type ClientMessage,
	encodeAwareness,
	encodeSyncStep1,
	encodeSyncStep2,
	encodeUpdate,
	isEmptyUpdate
} from './protocol.ts';

/** One connected client, as the room sees it. */
export interface Peer {
	readonly userId: string;
	/** Read-only peers (observers) sync down; their writes are dropped. */
	readonly readOnly: boolean;
	/** The server's own writes (seed, templates, guest feedback): trusted, not judged by the gates. */
	readonly server?: boolean;
	send(frame: Uint8Array): void;
	close(code: number, reason: string): void;
}

interface Pending {
	peer: Peer;
	data: Uint8Array;
}

/**
 * A live board: its document, who is connected, and the write-through pipeline. Incoming updates
 * queue up; a flush stores the whole batch in one transaction, then applies it and broadcasts.
 * Nobody ever sees an update that is not yet on disk.
 */
export class Room {
	readonly boardId: string;
	readonly doc: Y.Doc;
	readonly awareness: awarenessProtocol.Awareness;
	readonly peers = new Map<Peer, Set<number>>();
	#store: BoardStore;
	#lastSeq: number;
	#pending: Pending[] = [];
	#flushing: Promise<void> | null = null;
	#onApplied: (room: Room, batch: number) => void;
	/** The whole document as a sync step 2, kept for big boards until the next change (see #wholeDocument). */
	#fullSync: Uint8Array | null = null;

	constructor(
		boardId: string,
		doc: Y.Doc,
		lastSeq: number,
		store: BoardStore,
		onApplied: (room: Room, batch: number) => void
	) {
		this.boardId = boardId;
		this.doc = doc;
		this.#lastSeq = lastSeq;
		this.#store = store;
		this.#onApplied = onApplied;
		this.awareness = new awarenessProtocol.Awareness(doc);
		this.awareness.setLocalState(null);
		doc.on('update', (update: Uint8Array, origin: unknown) => {
			this.#fullSync = null;
			this.#broadcast(encodeUpdate(update), origin);
		});
		this.awareness.on('update', this.#onAwareness);
	}

	get lastSeq(): number {
		return this.#lastSeq;
	}

	join(peer: Peer): void {
		this.peers.set(peer, new Set());
		peer.send(encodeSyncStep1(this.doc));
		const states = [...this.awareness.getStates().keys()];
		if (states.length > 0) peer.send(encodeAwareness(this.awareness, states));
	}

	leave(peer: Peer): void {
		const clients = this.peers.get(peer);
		this.peers.delete(peer);
		if (clients && clients.size > 0) awarenessProtocol.removeAwarenessStates(this.awareness, [...clients], null);
	}

	/** Handles one decoded message. Throws when the content cannot be applied (the caller closes the peer). */
	receive(peer: Peer, message: ClientMessage): void {
		switch (message.kind) {
			case 'sync-step1':
				peer.send(
					isEmptyStateVector(message.stateVector)
						? this.#wholeDocument()
						: encodeSyncStep2(this.doc, message.stateVector)
				);
				return;
			case 'update':
				// Read-only peers keep syncing down; their writes are dropped here.
				if (!peer.readOnly && !isEmptyUpdate(message.update)) this.#enqueue(peer, message.update);
				return;
			case 'awareness': {
				const own = ownAwarenessUpdate(message.update, peer.userId, (id) => this.#ownedByOthers(peer, id));
				if (own) awarenessProtocol.applyAwarenessUpdate(this.awareness, own, peer);
				return;
			}
			case 'query-awareness':
				peer.send(encodeAwareness(this.awareness, [...this.awareness.getStates().keys()]));
		}
	}

	/**
	 * A server-side write (seed, import, a guest's feedback): the change is made on a copy, and its
	 * update goes through the same store-then-apply pipeline as a client's.
	 */
	async change(userId: string | null, edit: (doc: Y.Doc) => void): Promise<void> {
		const copy = new Y.Doc();
		Y.applyUpdate(copy, Y.encodeStateAsUpdate(this.doc));
		const before = Y.encodeStateVector(copy);
		edit(copy);
		const update = Y.encodeStateAsUpdate(copy, before);
		copy.destroy();
		// An edit that changed nothing (e.g. a revert with nothing to put back) is neither stored nor sent.
		if (!isEmptyUpdate(update)) this.#enqueue(serverPeer(userId), update);
		await this.flush();
	}

	/** Resolves when everything received so far is stored and applied. */
	async flush(): Promise<void> {
		while (this.#flushing) await this.#flushing;
	}

	/**
	 * Every page load asks for the whole document (an empty state vector). Encoding a big board takes
	 * milliseconds of the event loop each time, so it is encoded once per version; small boards are
	 * cheap to encode and not worth the memory of a second copy.
	 */
	#wholeDocument(): Uint8Array {
		if (this.#fullSync) return this.#fullSync;
		const frame = encodeSyncStep2(this.doc, EMPTY_STATE_VECTOR);
		if (frame.length >= CACHE_FULL_SYNC_FROM) this.#fullSync = frame;
		return frame;
	}

	#enqueue(peer: Peer, data: Uint8Array): void {
		this.#pending.push({ peer, data });
		this.#flushing ??= this.#drain();
	}

	async #drain(): Promise<void> {
		try {
			while (this.#pending.length > 0) {
				const batch = this.#pending;
				this.#pending = [];
				try {
					this.#lastSeq = await this.#store.append(this.boardId, this.#lastSeq, batch.map(toStored));
				} catch (error) {
					// Not stored, so not applied: the senders reconnect and their provider re-sends it.
					console.error(`[sync] board ${this.boardId}: could not store updates: ${String(error)}`);
					for (const { peer } of batch) peer.close(CLOSE.serverError, 'storage failed');
					continue;
				}
				for (const { data, peer } of batch) this.#apply(peer, data);
				this.#onApplied(this, batch.length);
			}
		} finally {
			this.#flushing = null;
		}
	}

	#apply(peer: Peer, data: Uint8Array): void {
		try {
			Y.applyUpdate(this.doc, data, peer);
		} catch (error) {
			console.error(`[sync] board ${this.boardId}: update from ${peer.userId} not applicable: ${String(error)}`);
			peer.close(CLOSE.badMessage, 'bad update');
		}
	}

	#ownedByOthers(peer: Peer, clientId: number): boolean {
		for (const [other, clients] of this.peers) if (other !== peer && clients.has(clientId)) return true;
		return false;
	}

	#broadcast(frame: Uint8Array, origin: unknown): void {
		for (const peer of this.peers.keys()) if (peer !== origin) peer.send(frame);
	}

	#onAwareness = ({ added, updated, removed }: AwarenessChange, origin: unknown): void => {
		const changed = [...added, ...updated, ...removed];
		const clients = origin ? this.peers.get(origin as Peer) : undefined;
		if (clients) {
			for (const id of added) clients.add(id);
			for (const id of removed) clients.delete(id);
		}
		const frame = encodeAwareness(this.awareness, changed);
		for (const peer of this.peers.keys()) peer.send(frame);
	};

	destroy(): void {
		this.awareness.destroy();
		this.doc.destroy();
	}
}

const EMPTY_STATE_VECTOR = new Uint8Array([0]);
const CACHE_FULL_SYNC_FROM = 256 * 1024;

function isEmptyStateVector(stateVector: Uint8Array): boolean {
	return stateVector.length === 1 && stateVector[0] === 0;
}

function serverPeer(userId: string | null): Peer {
	return { userId: userId ?? '', readOnly: false, server: true, send: () => {}, close: () => {} };
}

interface AwarenessChange {
	added: number[];
	updated: number[];
	removed: number[];
}

function toStored({ peer, data }: Pending): StoredUpdate {
	return { data, userId: peer.userId || null };
}
