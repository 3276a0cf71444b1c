import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { CLOSE } from '#lib/domain/close-codes.ts';
import { isId } from '#lib/domain/validation.ts';
import { publishJson, soloBus, subscribeJson, type ClusterBus } from '../cluster/bus.ts';
import { NodeWatch } from '../cluster/nodes.ts';
import { RoomLink } from '../cluster/room-link.ts';
import type { Db } from '../db/open.ts';
import { feedStore } from './doc-tables.ts';
import { SocketBudget, SYNC_REQUEST_COST } from './budget.ts';
import type { SyncHooks } from './hooks.ts';
import { TooLarge } from './limits.ts';
import { BadMessage, decodeClientMessage, type ClientMessage } from './protocol.ts';
import { Room, roomName, type DocKind, type Peer } from './room.ts';
import { BoardGenerations, type Target } from './board-generations.ts';
import { BoardStore } from './store.ts';
import { Reclaimer } from './reclaim.ts';
import { refuseUpgrade } from './upgrade.ts';
import type { Admission, Admit, Reassess } from './admit.ts';

export const MAX_PAYLOAD = 1024 * 1024;
const COMPACT_EVERY = 500;
const UNLOAD_AFTER_MS = 30_000;
const PING_EVERY_MS = 30_000;
/** In a cluster, how often each live room reads the log for what the bus may have lost: the bound on staleness. */
export const HEAD_CHECK_MS = 2_000;
const REASSESS_CHANNEL = 'relay:reassess';

interface Connection {
	ws: WebSocket;
	peer: Peer;
	boardId: string;
	sessionId: string;
}

const CLOSE_FOR: Record<401 | 403 | 404, number> = {
	401: CLOSE.unauthorized,
	403: CLOSE.forbidden,
	404: CLOSE.notFound
};

interface LiveRoom {
	room: Room;
	unloadTimer: ReturnType<typeof setTimeout> | null;
	/** Its link to the same document in the other processes; null when this process is alone. */
	link: RoomLink | null;
}

export interface HubOptions {
	/** The other processes of the deployment (soloBus, the default: none). */
	bus?: ClusterBus;
	/** Whether this process compacts this board (in a cluster, the holder of its lease); all by default. */
	mayCompact?: (boardId: string) => boolean;
	/** Stored updates between two compactions of a live board (COMPACT_EVERY unless told). */
	compactEvery?: number;
	/** The smallest stored board a new generation is started for (RENEW_MIN_BYTES unless told). */
	renewMinBytes?: number;
	/** Days an ended generation is kept (GENERATION_KEEP_DAYS unless told). */
	generationKeepDays?: number;
}

/**
 * The sync endpoint, the y-websocket protocol: /sync/{boardId} (the board document, which members
 * edit) and /sync/{boardId}/feed (its read-only feed, which only the server writes). One room per
 * live document. Transport only: what follows from the changes subscribes through `use(hooks)`.
 */
export class SyncHub {
	readonly store: BoardStore;
	readonly feedStore: BoardStore;
	#hooks: SyncHooks[] = [];
	#admit: Admit;
	#reassess: Reassess;
	/** Open connections per person, to apply a change of their rights at once. */
	#byUser = new Map<string, Set<Connection>>();
	#wss = new WebSocketServer({ noServer: true, maxPayload: MAX_PAYLOAD });
	#rooms = new Map<string, Promise<LiveRoom>>();
	#pinger = setInterval(() => this.#ping(), PING_EVERY_MS);
	#closing = false;
	#alive = new WeakMap<WebSocket, boolean>();
	#db: Db;
	#bus: ClusterBus;
	#nodes: NodeWatch | null = null;
	#headCheck: ReturnType<typeof setInterval> | null = null;
	#mayCompact: (boardId: string) => boolean;
	#compactEvery: number;
	/** The board documents' generations: when one starts, clients on ended ones, earlier versions. */
	readonly generations: BoardGenerations;
	#stopRelay: Promise<() => Promise<void>> | null = null;
	/** Collects after board rooms unload; feed rooms are small, so only board rooms count. */
	#reclaimer = new Reclaimer(() => {
		let boards = 0;
		for (const name of this.#rooms.keys()) if (!name.endsWith('/feed')) boards++; // see roomName
		return boards;
	});

	constructor(db: Db, admit: Admit, reassess: Reassess, options: HubOptions = {}) {
		this.#db = db;
		this.#admit = admit;
		this.#reassess = reassess;
		this.#bus = options.bus ?? soloBus;
		this.#mayCompact = options.mayCompact ?? (() => true);
		this.#compactEvery = options.compactEvery ?? COMPACT_EVERY;
		this.generations = new BoardGenerations(db, {
			renewMinBytes: options.renewMinBytes,
			keepDays: options.generationKeepDays,
			openRoom: (boardId) => this.openRoom(boardId)
		});
		this.store = new BoardStore(db);
		this.feedStore = feedStore(db);
		this.#pinger.unref();
		if (this.#bus.shared) this.#joinCluster(this.#bus);
	}

	/** Sharing the live rooms with the other processes: liveness, the head check, catch-up after a loss, relays. */
	#joinCluster(bus: ClusterBus): void {
		this.#nodes = new NodeWatch(bus);
		void this.#nodes.start();
		this.#headCheck = setInterval(() => this.#catchUpAll(), HEAD_CHECK_MS);
		this.#headCheck.unref();
		bus.onReconnect(() => this.#catchUpAll());
		const decode = (data: unknown) =>
			typeof data === 'object' && data !== null && typeof (data as { userId?: unknown }).userId === 'string'
				? (data as { userId: string }).userId
				: null;
		this.#stopRelay = subscribeJson(bus, REASSESS_CHANNEL, decode, (userId) => void this.#reassessHere(userId));
	}

	#catchUpAll(): void {
		for (const live of this.#rooms.values())
			void live.then(
				(l) => l.link?.catchUp(),
				() => undefined
			);
	}

	/** Adds what runs beside the transport (see SyncHooks); call before the first room loads. */
	use(hooks: SyncHooks): void {
		this.#hooks.push(hooks);
	}

	/** True when the request was ours (handled or refused); false lets another handler have it. */
	handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): boolean {
		const match = /^\/sync\/([^/?]+)(\/feed)?(?:\?(.*))?$/.exec(req.url ?? '');
		if (!match) return false;
		const boardId = decodeURIComponent(match[1] ?? '');
		const kind: DocKind = match[2] ? 'feed' : 'board';
		// The generation of the document the client holds; clients from before generations hold the first.
		const generation = Number(new URLSearchParams(match[3] ?? '').get('gen') ?? 0);
		if (!Number.isSafeInteger(generation) || generation < 0) {
			refuseUpgrade(socket, 400);
			return true;
		}
		void this.#upgrade(req, socket, head, boardId, kind, generation).catch((error: unknown) => {
			console.error(`[sync] upgrade failed: ${String(error)}`);
			refuseUpgrade(socket, 500);
		});
		return true;
	}

	async #upgrade(
		req: IncomingMessage,
		socket: Duplex,
		head: Buffer,
		boardId: string,
		kind: DocKind,
		generation: number
	): Promise<void> {
		if (this.#closing) return refuseUpgrade(socket, 503);
		if (!isId(boardId)) return refuseUpgrade(socket, 404);
		const verdict = await this.#admit(req, boardId);
		if ('refuse' in verdict) return refuseUpgrade(socket, verdict.refuse);
		this.#wss.handleUpgrade(req, socket, head, (ws) => this.#connect(ws, boardId, kind, generation, verdict));
	}

	#connect(
		ws: WebSocket,
		boardId: string,
		kind: DocKind,
		generation: number,
		{ userId, sessionId, readOnly, name, color }: Exclude<Admission, { refuse: number }>
	): void {
		const peer: Peer = {
			userId,
			name,
			color,
			readOnly,
			send: (frame) => {
				if (ws.readyState === ws.OPEN) ws.send(frame);
			},
			close: (code, reason) => ws.close(code, reason)
		};
		const live = this.#room(boardId, kind);
		const target = live.then((l) => this.#target(l, peer, generation));
		const connection = { ws, peer, boardId, sessionId };
		const mine = this.#byUser.get(userId) ?? new Set<Connection>();
		this.#byUser.set(userId, mine.add(connection));
		this.#alive.set(ws, true);
		ws.on('pong', () => this.#alive.set(ws, true));
		const budget = new SocketBudget();
		ws.on('message', (data, isBinary) => {
			if (ws.readyState !== ws.OPEN) return;
			if (!isBinary) return this.#reject(ws, boardId, 'text frame');
			const bytes = toBytes(data);
			if (!budget.spendBytes(bytes.length)) return this.#overBudget(ws, boardId, userId);
			let message: ClientMessage;
			try {
				message = decodeClientMessage(bytes);
			} catch (error) {
				if (error instanceof TooLarge) return this.#refuseTooLarge(ws, boardId, userId, error.message);
				return this.#reject(ws, boardId, error instanceof BadMessage ? error.message : String(error));
			}
			if (!budget.spendMessages(message.kind === 'sync-step1' ? SYNC_REQUEST_COST : 1))
				return this.#overBudget(ws, boardId, userId);
			void target.then((t) => {
				if (ws.readyState !== ws.OPEN) return;
				try {
					t.receive(message);
				} catch (error) {
					this.#reject(ws, boardId, error instanceof BadMessage ? error.message : String(error));
				}
			});
		});
		ws.on('error', (error) => console.warn(`[sync] board ${boardId}: socket error: ${error.message}`));
		ws.on('close', () => {
			mine.delete(connection);
			if (mine.size === 0 && this.#byUser.get(userId) === mine) this.#byUser.delete(userId);
			void target.then((t) => t.end()).catch(() => undefined);
		});
		void live.then(
			(l) => {
				if (l.unloadTimer) clearTimeout(l.unloadTimer);
				l.unloadTimer = null;
				if (ws.readyState === ws.OPEN) void target.then((t) => t.begin());
			},
			() => ws.close(CLOSE.serverError, 'board unavailable')
		);
	}

	/** A board socket holding another generation than the room's goes elsewhere (see BoardGenerations.target). */
	#target(live: LiveRoom, peer: Peer, generation: number): Target {
		const { room } = live;
		return this.generations.target(room, peer, generation, {
			begin: () => room.join(peer),
			receive: (message) => room.receive(peer, message),
			end: () => this.#leave(live, peer)
		});
	}

	#reject(ws: WebSocket, boardId: string, why: string): void {
		if (ws.readyState !== ws.OPEN) return;
		console.warn(`[sync] board ${boardId}: closed a connection: ${why}`);
		ws.close(CLOSE.badMessage, 'bad message');
	}

	#refuseTooLarge(ws: WebSocket, boardId: string, userId: string, what: string): void {
		console.warn(`[sync] board ${boardId}: refused an update of ${userId} with ${what}`);
		ws.close(CLOSE.tooLarge, 'too large');
	}

	#overBudget(ws: WebSocket, boardId: string, userId: string): void {
		console.warn(`[sync] board ${boardId}: closed a connection of ${userId}: over its message budget`);
		ws.close(CLOSE.tooManyMessages, 'too many messages');
	}

	#room(boardId: string, kind: DocKind): Promise<LiveRoom> {
		const name = roomName(boardId, kind);
		let live = this.#rooms.get(name);
		if (!live) {
			live = this.#load(boardId, kind);
			this.#rooms.set(name, live);
			live.catch(() => this.#rooms.delete(name));
		}
		return live;
	}

	async #load(boardId: string, kind: DocKind): Promise<LiveRoom> {
		const store = kind === 'feed' ? this.feedStore : this.store;
		const { doc, lastSeq, tailLength, generation } = await store.load(boardId);
		let sinceCompaction = tailLength;
		let link: RoomLink | null = null;
		const room = new Room({
			boardId,
			kind,
			doc,
			lastSeq,
			generation,
			store,
			onStored: (_r, updates) => link?.stored(updates),
			onApplied: (r, origins) => {
				sinceCompaction += origins.length;
				this.#each('onApplied', (hooks) => hooks.onApplied?.(r, origins));
				if (sinceCompaction < this.#compactEvery || !this.#mayCompact(boardId)) return;
				sinceCompaction = 0;
				void this.#compact(r).catch((e: unknown) => console.error(`[sync] compaction: ${String(e)}`));
			},
			onBroken: (r) => void this.#reload(r)
		});
		try {
			// Linked first, so that what the hooks write at load reaches the other processes too.
			if (this.#nodes) link = await RoomLink.open(room, { bus: this.#bus, db: this.#db, store, nodes: this.#nodes });
			for (const hooks of this.#hooks) await hooks.onLoaded?.(room);
		} catch (error) {
			await link?.close();
			room.destroy();
			throw error;
		}
		return { room, unloadTimer: null, link };
	}

	/** A room that holds a write it could not store is dropped: the next open loads what is stored. */
	async #reload(room: Room): Promise<void> {
		const live = await this.#rooms.get(room.name)?.catch(() => null);
		if (live?.room !== room) return;
		if (live.unloadTimer) clearTimeout(live.unloadTimer);
		this.#rooms.delete(room.name);
		await live.link?.close();
		this.#each('onUnloaded', (hooks) => hooks.onUnloaded?.(room));
		await room.flush().catch(() => undefined);
		room.destroy();
	}

	/** Runs a synchronous hook on every subscriber; one that throws is logged, the others still run. */
	#each(what: string, call: (hooks: SyncHooks) => void): void {
		for (const hooks of this.#hooks) {
			try {
				call(hooks);
			} catch (error) {
				console.error(`[sync] ${what}: ${String(error)}`);
			}
		}
	}

	#leave(live: LiveRoom, peer: Peer): void {
		live.room.leave(peer);
		this.#unloadWhenIdle(live);
	}

	/** A room nobody is connected to is unloaded after a while (also one opened only for a server write). */
	#unloadWhenIdle(live: LiveRoom): void {
		if (live.room.peers.size > 0 || this.#closing || live.unloadTimer) return;
		live.unloadTimer = setTimeout(() => void this.#unload(live), UNLOAD_AFTER_MS);
		live.unloadTimer.unref();
	}

	async #unload(live: LiveRoom): Promise<void> {
		const { room } = live;
		live.unloadTimer = null;
		if (room.peers.size > 0) return;
		this.#rooms.delete(room.name);
		await this.#settle(room);
		await live.link?.close();
		this.#each('onUnloaded', (hooks) => hooks.onUnloaded?.(room));
		room.destroy();
		if (room.kind === 'board') this.#reclaimer.unloaded();
	}

	/** Stores everything received so far, lets the hooks finish, and compacts. */
	async #settle(room: Room): Promise<void> {
		await room.flush();
		for (const hooks of this.#hooks)
			await hooks.onSettle?.(room).catch((e: unknown) => console.error(`[sync] settle: ${String(e)}`));
		if (room.broken || !this.#mayCompact(room.boardId)) return;
		await this.#compact(room);
	}

	/** Folds the log into the snapshot; a board whose history then outweighs its content starts a new generation. */
	async #compact(room: Room): Promise<void> {
		if (room.kind === 'feed') {
			await this.feedStore.compact(room.boardId, room.lastSeq);
			return;
		}
		await this.generations.compacted(room, await this.store.compact(room.boardId, room.lastSeq));
	}

	/** The live board document (loading it if needed), for server-side reads and writes. */
	openRoom(boardId: string): Promise<Room> {
		return this.#open(boardId, 'board');
	}

	/** The live feed document of a board: what only the server writes (`room.write`), members read. */
	openFeed(boardId: string): Promise<Room> {
		return this.#open(boardId, 'feed');
	}

	async #open(boardId: string, kind: DocKind): Promise<Room> {
		const live = await this.#room(boardId, kind);
		this.#unloadWhenIdle(live);
		return live.room;
	}

	/**
	 * Applies a change of someone's rights or sessions to their open connections: each is judged
	 * again, and closed when its session ended or its access changed. Closing, rather than turning
	 * a socket read-only underneath, makes the page reload into what the person may now do, instead
	 * of letting them type edits the server would silently drop.
	 */
	async reassessUser(userId: string): Promise<void> {
		await this.#reassessHere(userId);
		// The person may have sockets on the other processes too: each judges its own.
		if (this.#bus.shared) await publishJson(this.#bus, REASSESS_CHANNEL, { userId });
	}

	async #reassessHere(userId: string): Promise<void> {
		for (const connection of [...(this.#byUser.get(userId) ?? [])]) {
			const verdict = await this.#reassess(connection.sessionId, connection.boardId);
			if ('refuse' in verdict) connection.ws.close(CLOSE_FOR[verdict.refuse], 'access changed');
			else if (verdict.readOnly !== connection.peer.readOnly) connection.ws.close(CLOSE.forbidden, 'access changed');
		}
	}

	#ping(): void {
		for (const ws of this.#wss.clients) {
			if (this.#alive.get(ws) === false) {
				ws.terminate();
				continue;
			}
			this.#alive.set(ws, false);
			ws.ping();
		}
	}

	/** Graceful stop: refuse new sockets, close open ones, store and compact every live board. */
	async close(): Promise<void> {
		this.#closing = true;
		clearInterval(this.#pinger);
		this.#reclaimer.stop();
		this.generations.close();
		if (this.#headCheck) clearInterval(this.#headCheck);
		await (
			await this.#stopRelay
		)?.();
		await this.#nodes?.close();
		for (const ws of this.#wss.clients) ws.close(CLOSE.shuttingDown, 'server restarting');
		const rooms = await Promise.allSettled(this.#rooms.values());
		for (const r of rooms) {
			if (r.status !== 'fulfilled') continue;
			if (r.value.unloadTimer) clearTimeout(r.value.unloadTimer);
			await this.#settle(r.value.room).catch((e: unknown) => console.error(`[sync] shutdown: ${String(e)}`));
			await r.value.link?.close();
		}
		this.#wss.close();
	}
}

function toBytes(data: Buffer | ArrayBuffer | Buffer[]): Uint8Array {
	if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
	return data instanceof ArrayBuffer
		? new Uint8Array(data)
		: new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}
