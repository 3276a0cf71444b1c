import * as Y from 'yjs';
import type { Db } from '../db/open.ts';
import { GenerationEnded } from '../sync/head.ts';
import type { BoardStore } from '../sync/store.ts';
import type { NumberedUpdate, Room } from '../sync/room.ts';
import type { ClusterBus } from './bus.ts';
import { BoardFollower } from './follower.ts';
import { readUpdatesAfter } from './log.ts';
import { decodeMessage, encodeMessage } from './message.ts';
import { PresenceLink } from './presence.ts';
import type { NodeWatch } from './nodes.ts';

/**
 * One live room joined to the same document's rooms in the other processes: what this process
 * stores goes out on the bus; what the others stored comes in, exactly once and in order (the
 * follower reads gaps from the log); presence is shared both ways.
 */
export class RoomLink {
	readonly #room: Room;
	readonly #bus: ClusterBus;
	readonly #follower: BoardFollower;
	readonly #presence: PresenceLink;
	#unsubscribe: () => Promise<void> = async () => undefined;

	private constructor(room: Room, bus: ClusterBus, follower: BoardFollower, presence: PresenceLink) {
		this.#room = room;
		this.#bus = bus;
		this.#follower = follower;
		this.#presence = presence;
	}

	/** Links a room just loaded; what was published between its load and the subscription is read from the log. */
	static async open(room: Room, deps: { bus: ClusterBus; db: Db; store: BoardStore; nodes: NodeWatch }) {
		const { bus, db, store } = deps;
		// Another process started a new generation: this copy ends (its peers reconnect to the new one).
		const endedHere = (error: unknown) => {
			if (!(error instanceof GenerationEnded)) throw error;
			room.generationEnded(error);
			return [];
		};
		const follower = new BoardFollower({
			lastSeq: room.lastSeq,
			read: (after) => readUpdatesAfter(db, room.kind, room.boardId, after, room.generation).catch(endedHere),
			apply: (update, _seq, writer) => room.applyRemote(update, writer),
			reload: async () => {
				const fresh = await store.load(room.boardId);
				if (fresh.generation === room.generation) room.applyRemote(Y.encodeStateAsUpdate(fresh.doc), null);
				else room.generationEnded(new GenerationEnded(room.boardId, fresh.generation));
				fresh.doc.destroy();
				return fresh.lastSeq;
			}
		});
		const link = new RoomLink(room, bus, follower, new PresenceLink(room, bus, deps.nodes));
		link.#unsubscribe = await bus.subscribe(updatesChannel(room), (payload) => {
			const message = decodeMessage(payload);
			if (message) void link.#follower.receive(message).catch(link.#failed);
		});
		await link.#presence.open();
		await link.catchUp();
		return link;
	}

	/** This process stored these (see Room's onStored): count them, then tell the others. */
	stored(updates: readonly NumberedUpdate[]): void {
		const first = updates[0];
		const last = updates.at(-1);
		if (!first || !last) return;
		void this.#follower.stored(first.seq, last.seq).catch(this.#failed);
		for (const { seq, data, writer } of updates)
			void this.#bus.publish(updatesChannel(this.#room), encodeMessage({ seq, writer, update: data }));
	}

	/** Reads whatever the log holds past this copy: periodically, and after the bus came back. */
	catchUp(): Promise<void> {
		return this.#follower.catchUp().catch(this.#failed);
	}

	async close(): Promise<void> {
		this.#presence.close();
		await this.#unsubscribe();
	}

	#failed = (error: unknown): void => {
		console.error(`[cluster] ${this.#room.name}: catching up failed: ${String(error)}`);
	};
}

/** Per generation: a process still on an ended one never hears the new one's updates. */
function updatesChannel(room: Room): string {
	return `doc:${room.name}@${room.generation}`;
}
