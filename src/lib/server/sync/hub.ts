import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { CLOSE } from '#lib/domain/close-codes.ts';
import { isId } from '#lib/domain/validation.ts';
import type { Db } from '../db/open.ts';
import { BadMessage, decodeClientMessage } from './protocol.ts';
import { putEntry } from '#lib/board/section-commands.ts';
import { newId } from '../ids.ts';
import { mayForceGates } from '../services/boards.ts';
import { CardProjection } from './projection.ts';
import { guardServerOnly } from './server-only.ts';
import { Room, type Peer } from './room.ts';
import { BoardStore } from './store.ts';
import { refuseUpgrade } from './upgrade.ts';
import type { Admit, Reassess, Verdict } from './admit.ts';

export const MAX_PAYLOAD = 1024 * 1024;
const COMPACT_EVERY = 500;
const UNLOAD_AFTER_MS = 30_000;
const PING_EVERY_MS = 30_000;

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
	projection: CardProjection;
	unloadTimer: ReturnType<typeof setTimeout> | null;
}

/** The sync endpoint: /sync/{boardId}, the y-websocket protocol, one room per live board. */
export class SyncHub {
	readonly store: BoardStore;
	#db: Db;
	#admit: Admit;
	#reassess: Reassess;
	/** Open connections per person, to apply a change of their rights at once. */
	#byUser = new Map<string, Set<Connection>>();
	#wss = new WebSocketServer({ noServer: true, maxPayload: MAX_PAYLOAD });
	#rooms = new Map<string, Promise<LiveRoom>>();
	/** Per board: who waits for changes of what guests see (the guest portal's live refresh). */
	#guestListeners = new Map<string, Set<() => void>>();
	#pinger = setInterval(() => this.#ping(), PING_EVERY_MS);
	#closing = false;
	#alive = new WeakMap<WebSocket, boolean>();

	constructor(db: Db, admit: Admit, reassess: Reassess) {
		this.#db = db;
		this.#admit = admit;
		this.#reassess = reassess;
		this.store = new BoardStore(db);
		this.#pinger.unref();
	}

	/** True when the request was ours (handled or refused); false lets another handler have it. */
	handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): boolean {
		const match = /^\/sync\/([^/?]+)(?:\?.*)?$/.exec(req.url ?? '');
		if (!match) return false;
		const boardId = decodeURIComponent(match[1] ?? '');
		void this.#upgrade(req, socket, head, boardId).catch((error: unknown) => {
			console.error(`[sync] upgrade failed: ${String(error)}`);
			refuseUpgrade(socket, 500);
		});
		return true;
	}

	async #upgrade(req: IncomingMessage, socket: Duplex, head: Buffer, boardId: string): Promise<void> {
		if (this.#closing) return refuseUpgrade(socket, 503);
		if (!isId(boardId)) return refuseUpgrade(socket, 404);
		const verdict = await this.#admit(req, boardId);
		if ('refuse' in verdict) return refuseUpgrade(socket, verdict.refuse);
		this.#wss.handleUpgrade(req, socket, head, (ws) => this.#connect(ws, boardId, verdict));
	}

	#connect(
		ws: WebSocket,
		boardId: string,
		{ userId, sessionId, readOnly }: Exclude<Verdict, { refuse: number }>
	): void {
		const peer: Peer = {
			userId,
			readOnly,
			send: (frame) => {
				if (ws.readyState === ws.OPEN) ws.send(frame);
			},
			close: (code, reason) => ws.close(code, reason)
		};
		const live = this.#room(boardId);
		const connection = { ws, peer, boardId, sessionId };
		const mine = this.#byUser.get(userId) ?? new Set<Connection>();
		this.#byUser.set(userId, mine.add(connection));
		this.#alive.set(ws, true);
		ws.on('pong', () => this.#alive.set(ws, true));
		ws.on('message', (data, isBinary) => {
			void live.then(({ room }) => {
				if (!isBinary) return this.#reject(ws, boardId, 'text frame');
				try {
					room.receive(peer, decodeClientMessage(toBytes(data)));
				} catch (error) {
					this.#reject(ws, boardId, error instanceof BadMessage ? error.message : String(error));
				}
			});
		});
		ws.on('error', (error) => console.warn(`[sync] board ${boardId}: socket error: ${error.message}`));
		ws.on('close', () => {
			mine.delete(connection);
			if (mine.size === 0 && this.#byUser.get(userId) === mine) this.#byUser.delete(userId);
			void live.then((l) => this.#leave(l, peer));
		});
		void live.then(
			(l) => {
				if (l.unloadTimer) clearTimeout(l.unloadTimer);
				l.unloadTimer = null;
				if (ws.readyState === ws.OPEN) l.room.join(peer);
			},
			() => ws.close(CLOSE.serverError, 'board unavailable')
		);
	}

	#reject(ws: WebSocket, boardId: string, why: string): void {
		if (ws.readyState !== ws.OPEN) return;
		console.warn(`[sync] board ${boardId}: closed a connection: ${why}`);
		ws.close(CLOSE.badMessage, 'bad message');
	}

	#room(boardId: string): Promise<LiveRoom> {
		let live = this.#rooms.get(boardId);
		if (!live) {
			live = this.#load(boardId);
			this.#rooms.set(boardId, live);
			live.catch(() => this.#rooms.delete(boardId));
		}
		return live;
	}

	async #load(boardId: string): Promise<LiveRoom> {
		const { doc, lastSeq, tailLength } = await this.store.load(boardId);
		const projection = new CardProjection(this.#db, boardId, doc, {
			mayOverride: (userId) => mayForceGates(this.#db, boardId, userId),
			onBypass: (cardId, flag) =>
				void room
					.change(null, (d) => putEntry(d, cardId, 'flags', newId(), flag))
					.catch((e: unknown) => console.error(`[sync] gate flag: ${String(e)}`)),
			onGuestChange: () => {
				for (const listener of this.#guestListeners.get(boardId) ?? []) listener();
			}
		});
		let sinceCompaction = tailLength;
		const room: Room = new Room(boardId, doc, lastSeq, this.store, (r, batch) => {
			sinceCompaction += batch;
			void projection.flush().catch((e: unknown) => console.error(`[sync] projection: ${String(e)}`));
			if (sinceCompaction >= COMPACT_EVERY) {
				sinceCompaction = 0;
				void this.store
					.compact(boardId, r.lastSeq)
					.catch((e: unknown) => console.error(`[sync] compaction: ${String(e)}`));
			}
		});
		guardServerOnly(
			doc,
			(origin) => !isClientPeer(origin),
			(revert) => void room.change(null, revert).catch((e: unknown) => console.error(`[sync] revert: ${String(e)}`))
		);
		await projection.rebuild();
		return { room, projection, unloadTimer: null };
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
		this.#rooms.delete(room.boardId);
		await this.#settle(live);
		room.destroy();
	}

	/** Stores, projects and compacts everything received so far. */
	async #settle({ room, projection }: LiveRoom): Promise<void> {
		await room.flush();
		await projection.flush();
		await this.store.compact(room.boardId, room.lastSeq);
	}

	/** The live document of a board (loading it if needed), for server-side reads and writes. */
	async openRoom(boardId: string): Promise<Room> {
		const live = await this.#room(boardId);
		this.#unloadWhenIdle(live);
		return live.room;
	}

	/** Calls `listener` after each projection that changed a card guests see (or saw); returns the unsubscribe. */
	onSharedCardsChanged(boardId: string, listener: () => void): () => void {
		const listeners = this.#guestListeners.get(boardId) ?? new Set();
		this.#guestListeners.set(boardId, listeners.add(listener));
		return () => {
			listeners.delete(listener);
			if (listeners.size === 0 && this.#guestListeners.get(boardId) === listeners) this.#guestListeners.delete(boardId);
		};
	}

	/**
	 * Applies a change of someone's rights or sessions to their open connections: each is judged
	 * again, and closed when its session ended or its access changed. Closing, rather than turning
	 * a socket read-only underneath, makes the page reload into what the person may now do, instead
	 * of letting them type edits the server would silently drop.
	 */
	async reassessUser(userId: string): Promise<void> {
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
		for (const ws of this.#wss.clients) ws.close(CLOSE.shuttingDown, 'server restarting');
		const rooms = await Promise.allSettled(this.#rooms.values());
		for (const r of rooms) {
			if (r.status !== 'fulfilled') continue;
			if (r.value.unloadTimer) clearTimeout(r.value.unloadTimer);
			await this.#settle(r.value).catch((e: unknown) => console.error(`[sync] shutdown: ${String(e)}`));
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

/** Updates from a connected client carry their peer as origin; the server's own writes carry a server peer. */
function isClientPeer(origin: unknown): boolean {
	return typeof origin === 'object' && origin !== null && 'userId' in origin && (origin as Peer).server !== true;
}
