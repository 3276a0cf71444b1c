import * as Y from 'yjs';
import { CLOSE } from '#lib/domain/close-codes.ts';
import type { Db } from '../db/open.ts';
import { CarryOver } from './carry-over.ts';
import { EndedGenerations } from './ended-generations.ts';
import { listGenerations, readGeneration, startGeneration } from './generation-store.ts';
import { freshCopy, GENERATION_KEEP_DAYS, GenerationPolicy } from './generations.ts';
import { currentGeneration, GenerationEnded } from './head.ts';
import type { ClientMessage } from './protocol.ts';
import type { Peer, Room } from './room.ts';

/** Where one socket's messages go: its room, or the carry-over of a client on an ended generation. */
export interface Target {
	begin(): void;
	receive(message: ClientMessage): void;
	end(): void;
}

export interface BoardGenerationsOptions {
	/** The smallest stored board a new generation is started for (RENEW_MIN_BYTES unless told). */
	renewMinBytes?: number;
	/** Days an ended generation is kept (GENERATION_KEEP_DAYS unless told). */
	keepDays?: number;
	/** The live board document (loading it if needed). */
	openRoom(boardId: string): Promise<Room>;
}

/**
 * The generations of the board documents (generations.ts), for the hub: when one starts, what
 * clients on an ended one are told, restoring an ended one; and, for routes, which ones exist.
 */
export class BoardGenerations {
	/** Days an ended generation is kept (for restore, and for clients coming back with it). */
	readonly keepDays: number;
	#db: Db;
	#policy: GenerationPolicy;
	#ended: EndedGenerations;
	#openRoom: (boardId: string) => Promise<Room>;
	/** Per board, the carry-over running (and those queued behind it). */
	#carrying = new Map<string, Promise<void>>();

	constructor(db: Db, options: BoardGenerationsOptions) {
		this.#db = db;
		this.keepDays = options.keepDays ?? GENERATION_KEEP_DAYS;
		this.#policy = new GenerationPolicy(options.renewMinBytes);
		this.#ended = new EndedGenerations(db);
		this.#openRoom = options.openRoom;
	}

	/** The board document's current generation. */
	current(boardId: string): Promise<number> {
		return currentGeneration(this.#db, boardId);
	}

	/** The board's ended generations still kept ("earlier versions"), newest first. */
	list(boardId: string): Promise<{ generation: number; endedAt: number }[]> {
		return listGenerations(this.#db, boardId);
	}

	/**
	 * Makes an ended generation the board's content again, as a new generation (the content it replaces
	 * is kept as one in turn). False when it is no longer kept, or the board moved on meanwhile.
	 */
	async restore(boardId: string, generation: number): Promise<boolean> {
		const ended = await readGeneration(this.#db, boardId, generation);
		if (!ended) return false;
		const content = freshCopy(ended);
		ended.destroy();
		try {
			return await this.#start(await this.#openRoom(boardId), content);
		} finally {
			content.destroy();
		}
	}

	/** After a compaction stored `storedBytes`: a board whose history outweighs its content starts a new generation. */
	async compacted(room: Room, storedBytes: number | null): Promise<void> {
		if (storedBytes !== null && !room.broken && this.#policy.due(room.boardId, storedBytes, room.doc))
			await this.#start(room, null);
	}

	/**
	 * Where a board socket holding `generation` goes: the room when it is the room's; a carry-over when
	 * it ended; when it is newer, this process's copy is outdated (another process started it) and is
	 * reloaded while the client retries.
	 */
	target(room: Room, peer: Peer, generation: number, joined: Target): Target {
		if (room.kind === 'feed' || generation === room.generation) return joined;
		if (generation > room.generation) {
			void this.#checkNewer(room);
			return { ...joined, begin: () => peer.close(CLOSE.newGeneration, 'reloading') };
		}
		const carry = new CarryOver(room, peer, generation, {
			ended: this.#ended,
			serial: (run) => this.#oneAtATime(room.boardId, run)
		});
		return {
			begin: () => void carry.start().catch(() => peer.close(CLOSE.serverError, 'carry-over failed')),
			receive: (message) => carry.receive(message),
			end: () => {
				carry.stop();
				joined.end();
			}
		};
	}

	close(): void {
		this.#ended.close();
	}

	/** The live board's current content (or `content`, to restore), without the history, as a new generation. */
	async #start(room: Room, content: Y.Doc | null): Promise<boolean> {
		const started = await room.endGeneration(async (doc, seq) => {
			const fresh = content ?? freshCopy(doc);
			const next = {
				generation: room.generation,
				seq,
				ended: Y.encodeStateAsUpdate(doc),
				fresh: Y.encodeStateAsUpdate(fresh)
			};
			if (!content) fresh.destroy();
			return startGeneration(this.#db, room.boardId, next, this.keepDays);
		});
		if (started) {
			this.#policy.forget(room.boardId);
			console.info(`[sync] board ${room.boardId}: generation ${room.generation + 1} started`);
		}
		return started;
	}

	/** One carry-over at a time per board: a flood of stale connections costs one document copy at a time. */
	#oneAtATime(boardId: string, run: () => Promise<void>): Promise<void> {
		const next = (this.#carrying.get(boardId) ?? Promise.resolve()).then(run);
		const settled = next.catch(() => undefined);
		this.#carrying.set(boardId, settled);
		void settled.then(() => {
			if (this.#carrying.get(boardId) === settled) this.#carrying.delete(boardId);
		});
		return next;
	}

	async #checkNewer(room: Room): Promise<void> {
		const current = await currentGeneration(this.#db, room.boardId);
		if (current > room.generation) room.generationEnded(new GenerationEnded(room.boardId, current));
	}
}
