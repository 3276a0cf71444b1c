import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { CLOSE } from '#lib/domain/close-codes.ts';
import { GenerationEnded } from './head.ts';
import { Reach } from './integrable.ts';
import type { BoardStore, StoredUpdate } from './store.ts';
import {
	addsNothing,
	ownAwarenessUpdate,
	type ClientMessage,
	type DecodedUpdate,
	encodeAwareness,
	encodeSyncStep1,
	encodeSyncStep2,
	encodeUpdate,
	isEmptyUpdate
} from './protocol.ts';

/** One connected client, as the room sees it. */
export interface Peer {
	readonly userId: string;
	/** The name and colour the others see in this person's presence, from the users table. */
	readonly name: string;
	readonly color: string;
	/** Read-only peers (observers) sync down; their writes are dropped. */
	readonly readOnly: boolean;
	send(frame: Uint8Array): void;
	close(code: number, reason: string): void;
}

/** The origin of the server's own writes (`Room.write`): trusted, not judged by the gates. */
export interface ServerOrigin {
	readonly server: true;
	/** The person on whose behalf the server writes (null: nobody, e.g. a gate flag). */
	readonly userId: string | null;
}

/**
 * An update another process of the deployment stored (see cluster/): `userId` is the person whose
 * client sent it, null for a server write or when it was read back from the log.
 */
export interface RemoteOrigin {
	readonly remote: true;
	readonly userId: string | null;
}

/** What a room's changes came from: the peers whose updates were applied, the server, or another process. */
export type Origin = Peer | ServerOrigin | RemoteOrigin;

export function isRemoteOrigin(origin: unknown): origin is RemoteOrigin {
	return typeof origin === 'object' && origin !== null && (origin as RemoteOrigin).remote === true;
}

/** An update as stored, with its number, for the other processes. */
export interface NumberedUpdate {
	seq: number;
	data: Uint8Array;
	/** The person whose client sent it; null for the server's own writes. */
	writer: string | null;
}

export function isServerOrigin(origin: unknown): origin is ServerOrigin {
	return typeof origin === 'object' && origin !== null && (origin as ServerOrigin).server === true;
}

/** Which document of a board a room holds: the editable board, or its read-only feed. */
export type DocKind = 'board' | 'feed';

export interface RoomOptions {
	boardId: string;
	kind: DocKind;
	doc: Y.Doc;
	lastSeq: number;
	/** Which generation of the document `doc` is (see generations.ts); appends for another one fail. */
	generation: number;
	store: BoardStore;
	/** After each stored and applied batch, with the origins of its updates in order. */
	onApplied: (room: Room, origins: Origin[]) => void;
	/** Right after each append committed, with the numbers the store gave (to tell the other processes). */
	onStored?: (room: Room, updates: NumberedUpdate[]) => void;
	/** A server write could not be stored: the room holds state nobody may see, and must be reloaded. */
	onBroken: (room: Room) => void;
}

type Task =
	| { kind: 'update'; peer: Peer; data: Uint8Array; decoded: DecodedUpdate; stored?: (ok: boolean) => void }
	| { kind: 'write'; run: () => Promise<void> }
	| { kind: 'sync'; peer: Peer; stateVector: Uint8Array };

/**
 * A live document: who is connected, and one serial queue through which every change passes, stored
 * before anybody sees it. Clients' updates are stored (a run of them in one transaction), then
 * applied and broadcast. The server's writes run on the live document in a transaction with a server
 * origin; their update is stored before it is broadcast. Sync replies go through the same queue, so
 * a client joining meanwhile never receives a write that is not stored yet.
 */
export class Room {
	readonly boardId: string;
	readonly kind: DocKind;
	readonly doc: Y.Doc;
	readonly generation: number;
	readonly awareness: awarenessProtocol.Awareness;
	readonly peers = new Map<Peer, Set<number>>();
	/** Whether another process's connection speaks for this awareness client id (set by cluster/presence.ts). */
	isRemoteClient: (clientId: number) => boolean = () => false;
	#options: RoomOptions;
	#lastSeq: number;
	#queue: Task[] = [];
	#draining: Promise<void> | null = null;
	#broken = false;
	/** How peers are told, once broken: storage failed, or the document moved on to a new generation. */
	#brokenClose: { code: number; reason: string } = STORAGE_FAILED;
	/** Updates of the server write under way, held back until stored. */
	#held: Uint8Array[] | null = null;
	/** The clients' updates being applied as one run, and their senders: broadcast as one merged update. */
	#run: AppliedRun | null = null;
	/** The whole document as a sync step 2, kept until the next change (see #wholeDocument). */
	#fullSync: Uint8Array | null = null;

	constructor(options: RoomOptions) {
		this.#options = options;
		this.boardId = options.boardId;
		this.kind = options.kind;
		this.doc = options.doc;
		this.generation = options.generation;
		this.#lastSeq = options.lastSeq;
		this.awareness = new awarenessProtocol.Awareness(this.doc);
		this.awareness.setLocalState(null);
		this.doc.on('update', (update: Uint8Array, origin: unknown) => {
			this.#fullSync = null;
			if (this.#held && isServerOrigin(origin)) this.#held.push(update);
			else if (this.#run) {
				this.#run.updates.push(update);
				this.#run.senders.add(origin);
			} else this.#broadcast(encodeUpdate(update), origin);
		});
		this.awareness.on('update', this.#onAwareness);
	}

	/** The room's name in the hub and in the URL: the board id, or `{boardId}/feed`. */
	get name(): string {
		return roomName(this.boardId, this.kind);
	}

	get lastSeq(): number {
		return this.#lastSeq;
	}

	join(peer: Peer): void {
		if (this.#broken) return peer.close(this.#brokenClose.code, this.#brokenClose.reason);
		this.peers.set(peer, new Set());
		peer.send(encodeSyncStep1(this.doc));
		const states = [...this.awareness.getStates().keys()];
		if (states.length > 0) peer.send(encodeAwareness(this.awareness, states));
	}

	leave(peer: Peer): void {
		const clients = this.peers.get(peer);
		this.peers.delete(peer);
		if (clients && clients.size > 0) awarenessProtocol.removeAwarenessStates(this.awareness, [...clients], peer);
	}

	/** Handles one decoded message. Throws when the content cannot be applied (the caller closes the peer). */
	receive(peer: Peer, message: ClientMessage): void {
		switch (message.kind) {
			case 'sync-step1':
				this.#enqueue({ kind: 'sync', peer, stateVector: message.stateVector });
				return;
			case 'update':
				if (isEmptyUpdate(message.update)) return; // a sync step 2 with nothing new
				// Nobody but the server writes a feed: a client that tries is broken or hostile, and is told so.
				if (this.kind === 'feed') {
					if (!addsNothing(this.doc, message.update)) peer.close(CLOSE.readOnlyDocument, 'read-only document');
					return;
				}
				// Read-only peers keep syncing down; their writes are dropped here.
				if (!peer.readOnly) this.#enqueue({ kind: 'update', peer, data: message.update, decoded: message.decoded });
				return;
			case 'awareness': {
				const own = ownAwarenessUpdate(message.update, peer, (id) => this.#ownedByOthers(peer, id));
				if (own) awarenessProtocol.applyAwarenessUpdate(this.awareness, own, peer);
				return;
			}
			case 'query-awareness':
				peer.send(encodeAwareness(this.awareness, [...this.awareness.getStates().keys()]));
		}
	}

	/**
	 * A server-side write (a comment, a signal, a setting, a gate flag): `edit` runs in one transaction
	 * on the live document, in this room's queue; its update is stored, then broadcast. Resolves with
	 * what `edit` returned once stored; rejects when it could not be (nobody saw it, and the room is
	 * reloaded from storage).
	 */
	write<T>(userId: string | null, edit: (doc: Y.Doc) => T): Promise<T> {
		const origin: ServerOrigin = { server: true, userId };
		return new Promise<T>((resolve, reject) => {
			const run = async () => {
				if (this.#broken) return reject(new Error(`board ${this.boardId}: room reloading`));
				const held: Uint8Array[] = (this.#held = []);
				let outcome: { result: T } | { error: unknown };
				try {
					outcome = { result: this.doc.transact(() => edit(this.doc), origin) };
				} catch (error) {
					outcome = { error }; // what it changed before throwing is in the document: stored all the same
				} finally {
					this.#held = null;
				}
				// An edit that changed nothing is neither stored nor sent.
				if (held.length > 0) {
					const update = held.length === 1 ? (held[0] as Uint8Array) : Y.mergeUpdates(held);
					try {
						await this.#store([{ data: update, userId }], [null]);
					} catch (error) {
						this.#break(error);
						return reject(error instanceof Error ? error : new Error(String(error)));
					}
					this.#broadcast(encodeUpdate(update), origin);
					this.#options.onApplied(this, [origin]);
				}
				if ('error' in outcome)
					reject(outcome.error instanceof Error ? outcome.error : new Error(String(outcome.error)));
				else resolve(outcome.result);
			};
			this.#enqueue({ kind: 'write', run: () => run().catch(reject) });
		});
	}

	/**
	 * Ends this copy of the document for a new generation: `start` runs once everything received
	 * before is stored and applied, with nothing else running; when it resolves true (it stored the
	 * new generation) the peers are told to reconnect and the room is reloaded.
	 */
	endGeneration(start: (doc: Y.Doc, lastSeq: number) => Promise<boolean>): Promise<boolean> {
		return new Promise<boolean>((resolve, reject) => {
			const run = async () => {
				if (this.#broken || !(await start(this.doc, this.#lastSeq))) return resolve(false);
				this.#break(new GenerationEnded(this.boardId, this.generation + 1));
				resolve(true);
			};
			this.#enqueue({ kind: 'write', run: () => run().catch(reject) });
		});
	}

	/**
	 * A client's update that comes from outside this room's sockets (changes carried over from an
	 * ended generation, see carry-over.ts): judged, stored and applied like any other; resolves true
	 * once stored and applied.
	 */
	receiveCarried(peer: Peer, message: Extract<ClientMessage, { kind: 'update' }>): Promise<boolean> {
		return new Promise((stored) =>
			this.#enqueue({ kind: 'update', peer, data: message.update, decoded: message.decoded, stored })
		);
	}

	/** Resolves when everything received so far is stored and applied. */
	async flush(): Promise<void> {
		while (this.#draining) await this.#draining;
	}

	/**
	 * Every page load asks for the whole document (an empty state vector), and so can a hostile client,
	 * many times a second. Encoding a board takes the event loop's time, so it is encoded once per
	 * version, whatever its size (one copy per live room, dropped on the next change).
	 */
	#wholeDocument(): Uint8Array {
		this.#fullSync ??= encodeSyncStep2(this.doc, EMPTY_STATE_VECTOR);
		return this.#fullSync;
	}

	#enqueue(task: Task): void {
		this.#queue.push(task);
		this.#draining ??= this.#drain();
	}

	/**
	 * Works through the queue. On SQLite every await here resolves at once, so a long queue (a crowd
	 * joining, a burst of writes) would hold the event loop until it is empty: it is worked through in
	 * slices, and the updates that arrive meanwhile join the next run (one merged broadcast).
	 */
	async #drain(): Promise<void> {
		await null; // so that `#draining` is set before the finally below clears it
		let sliceStart = performance.now();
		try {
			while (this.#queue.length > 0) {
				if (performance.now() - sliceStart > DRAIN_SLICE_MS) {
					await new Promise((resolve) => setImmediate(resolve));
					sliceStart = performance.now();
				}
				const task = this.#queue[0] as Task;
				if (task.kind === 'update') await this.#applyClientRun();
				else {
					this.#queue.shift();
					if (task.kind === 'write') await task.run();
					else this.#reply(task.peer, task.stateVector);
				}
			}
		} finally {
			this.#draining = null;
		}
	}

	#reply(peer: Peer, stateVector: Uint8Array): void {
		if (!this.peers.has(peer) || this.#broken) return;
		peer.send(knowsNothingOf(this.doc, stateVector) ? this.#wholeDocument() : encodeSyncStep2(this.doc, stateVector));
	}

	/** The clients' updates at the head of the queue, stored in one transaction, then applied. */
	async #applyClientRun(): Promise<void> {
		const run: { peer: Peer; data: Uint8Array }[] = [];
		const reach = new Reach(this.doc);
		const refused = new Set<Peer>();
		const waiting: ((ok: boolean) => void)[] = [];
		while (this.#queue[0]?.kind === 'update') {
			const { peer, data, decoded, stored } = this.#queue.shift() as Extract<Task, { kind: 'update' }>;
			const admitted = !refused.has(peer) && reach.admits(decoded);
			if (admitted) run.push({ peer, data });
			else refused.add(peer);
			if (stored) waiting.push((ok) => stored(ok && admitted));
		}
		// It would stay pending for good, stored: the sender is out of step, and reconnects to sync again.
		for (const peer of refused) {
			console.warn(`[sync] board ${this.boardId}: refused an update from ${peer.userId} that cannot integrate`);
			peer.close(CLOSE.outOfStep, 'update out of step');
		}
		const ok = await this.#storeAndApply(run);
		for (const stored of waiting) stored(ok);
	}

	/** Stores a run, then applies and broadcasts it; false when it was not stored. */
	async #storeAndApply(run: readonly { peer: Peer; data: Uint8Array }[]): Promise<boolean> {
		if (this.#broken || run.length === 0) return false;
		try {
			await this.#store(
				run.map(({ peer, data }) => ({ data, userId: peer.userId || null })),
				run.map(({ peer }) => peer.userId || null)
			);
		} catch (error) {
			// Not stored, so not applied: the senders reconnect and their provider re-sends it.
			if (error instanceof GenerationEnded) this.#break(error);
			else {
				console.error(`[sync] board ${this.boardId}: could not store updates: ${String(error)}`);
				for (const { peer } of run) peer.close(STORAGE_FAILED.code, STORAGE_FAILED.reason);
			}
			return false;
		}
		this.#applyAndBroadcast(run);
		this.#options.onApplied(
			this,
			run.map(({ peer }) => peer)
		);
		return true;
	}

	/**
	 * Applies a run one update at a time (each keeps its sender, for the projection), and sends the
	 * others one merged update: with many writers, one frame per peer rather than one per update.
	 */
	#applyAndBroadcast(run: readonly { peer: Peer; data: Uint8Array }[]): void {
		const applied: AppliedRun = { updates: [], senders: new Set() };
		this.#run = applied;
		try {
			for (const { data, peer } of run) this.#apply(peer, data);
		} finally {
			this.#run = null;
		}
		const { updates, senders } = applied;
		if (updates.length === 0) return;
		const update = updates.length === 1 ? (updates[0] as Uint8Array) : Y.mergeUpdates(updates);
		// A sender gets its own update back only inside a merge with others' (Yjs ignores what it has).
		this.#broadcast(encodeUpdate(update), senders.size === 1 ? [...senders][0] : undefined);
	}

	/** Appends, then tells `onStored` the numbers given; `writers` as in NumberedUpdate, one per update. */
	async #store(updates: StoredUpdate[], writers: (string | null)[]): Promise<void> {
		const last = await this.#options.store.append(this.boardId, this.#lastSeq, updates, this.generation);
		this.#lastSeq = Math.max(this.#lastSeq, last);
		const first = last - updates.length + 1;
		const numbered = updates.map(({ data }, i) => ({ seq: first + i, data, writer: writers[i] ?? null }));
		this.#options.onStored?.(this, numbered);
	}

	/**
	 * An update another process stored: applied at once (it is stored already) and sent to this room's
	 * peers by the document's update handler, then followed like a local batch.
	 */
	applyRemote(data: Uint8Array, writer: string | null): void {
		if (this.#broken) return;
		const origin: RemoteOrigin = { remote: true, userId: writer };
		Y.applyUpdate(this.doc, data, origin);
		this.#options.onApplied(this, [origin]);
	}

	/**
	 * A server write is in the live document but not stored, or the document moved on to a new
	 * generation: nobody may go on from this copy. Its peers reconnect to the reloaded one.
	 */
	#break(error: unknown): void {
		if (this.#broken) return;
		this.#broken = true;
		if (error instanceof GenerationEnded) this.#brokenClose = NEW_GENERATION;
		else console.error(`[sync] board ${this.boardId} (${this.kind}): could not store a server write: ${String(error)}`);
		for (const peer of [...this.peers.keys()]) peer.close(this.#brokenClose.code, this.#brokenClose.reason);
		this.#options.onBroken(this);
	}

	/** Another process started a new generation of the document (its log says so): this copy is done. */
	generationEnded(error: GenerationEnded): void {
		this.#break(error);
	}

	get broken(): boolean {
		return this.#broken;
	}

	#apply(peer: Peer, data: Uint8Array): void {
		try {
			Y.applyUpdate(this.doc, data, peer);
		} catch (error) {
			console.error(`[sync] board ${this.boardId}: update from ${peer.userId} not applicable: ${String(error)}`);
			peer.close(CLOSE.badMessage, 'bad update');
		}
	}

	/** Whether one of this room's own connections speaks for this awareness client id. */
	hasLocalClient(clientId: number): boolean {
		for (const clients of this.peers.values()) if (clients.has(clientId)) return true;
		return false;
	}

	#ownedByOthers(peer: Peer, clientId: number): boolean {
		for (const [other, clients] of this.peers) if (other !== peer && clients.has(clientId)) return true;
		return this.isRemoteClient(clientId);
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

/** The hub's key and URL path of a board's document: `{boardId}`, or `{boardId}/feed`. */
export function roomName(boardId: string, kind: DocKind): string {
	return kind === 'feed' ? `${boardId}/feed` : boardId;
}

/** The longest a room works through its queue before letting other sockets and timers run. */
const DRAIN_SLICE_MS = 10;
const EMPTY_STATE_VECTOR = new Uint8Array([0]);
const STORAGE_FAILED = { code: CLOSE.serverError, reason: 'storage failed' };
const NEW_GENERATION = { code: CLOSE.newGeneration, reason: 'new generation' };

/** True when the client holds nothing the document has (an empty state vector, or only unknown clients). */
function knowsNothingOf(doc: Y.Doc, stateVector: Uint8Array): boolean {
	if (stateVector.length === 1 && stateVector[0] === 0) return true;
	for (const [client, clock] of Y.decodeStateVector(stateVector))
		if (clock > 0 && Y.getState(doc.store, client) > 0) return false;
	return true;
}

interface AwarenessChange {
	added: number[];
	updated: number[];
	removed: number[];
}

/** The updates a run of client updates produced in the document, and who sent them. */
interface AppliedRun {
	updates: Uint8Array[];
	senders: Set<unknown>;
}
