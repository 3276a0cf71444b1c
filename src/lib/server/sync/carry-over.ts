import * as Y from 'yjs';
import { CLOSE } from '#lib/domain/close-codes.ts';
import { patchContent } from './content-patch.ts';
import type { EndedGenerations } from './ended-generations.ts';
import { addsNothing, decodeClientMessage, encodeSyncStep1, encodeUpdate, type ClientMessage } from './protocol.ts';
import type { Peer, Room } from './room.ts';

/** Runs `run` after the ones queued before it (see CarryOver). */
export type Serial = (run: () => Promise<void>) => Promise<void>;

/** How long a client on an ended generation has to send what it holds. */
const WAIT_MS = 15_000;

/**
 * A client that comes back holding an ended generation of the board (offline across a new
 * generation, or connected when it started): what it changed there is carried over into the
 * current one, then it is told to load that one (close code carriedOver, the generation as reason).
 *
 * The server asks for what the client holds beyond the ended generation (a sync step 1 with its
 * state vector); the reply is applied to a copy of that generation, and the difference in content
 * (by card, field and text) is made again on the current document, as an update from this person,
 * judged and stored like any other. Nothing of the old document's Yjs identities crosses over.
 */
export class CarryOver {
	#room: Room;
	#peer: Peer;
	#from: number;
	#ended: EndedGenerations;
	#serial: Serial;
	#started = false;
	#timer: ReturnType<typeof setTimeout> | null = null;

	/** `serial` runs the board's carry-overs one at a time: each reads and extends the ended generation's archive. */
	constructor(room: Room, peer: Peer, from: number, deps: { ended: EndedGenerations; serial: Serial }) {
		this.#room = room;
		this.#peer = peer;
		this.#from = from;
		this.#ended = deps.ended;
		this.#serial = deps.serial;
	}

	async start(): Promise<void> {
		const ended = await this.#ended.get(this.#room.boardId, this.#from);
		// No longer kept (GENERATION_KEEP_DAYS): there is nothing to compare with, so nothing is carried.
		if (!ended || this.#peer.readOnly) return this.#finish();
		this.#peer.send(encodeSyncStep1(ended));
		this.#timer = setTimeout(() => this.#peer.close(CLOSE.newGeneration, 'no reply'), WAIT_MS);
	}

	/** The client's reply to the sync step 1 (or any update it sends first) is what it holds beyond it. */
	receive(message: ClientMessage): void {
		if (message.kind !== 'update' || this.#started) return;
		this.#started = true;
		if (this.#timer) clearTimeout(this.#timer);
		void this.#serial(() => this.#carry(message.update)).catch((error: unknown) => {
			console.error(`[sync] board ${this.#room.boardId}: carrying changes over failed: ${String(error)}`);
			this.#peer.close(CLOSE.serverError, 'carry-over failed');
		});
	}

	stop(): void {
		if (this.#timer) clearTimeout(this.#timer);
	}

	/**
	 * Against the archive as it is now (another client's carry-over may have extended it since
	 * `start`); a client that holds nothing new (most, when a live board moves on) costs no copy.
	 */
	async #carry(update: Uint8Array): Promise<void> {
		const ended = await this.#ended.get(this.#room.boardId, this.#from);
		if (ended && !addsNothing(ended, update)) {
			const change = changeOnCurrent(ended, update, this.#room.doc);
			// Decoded like a client's frame, so the door's checks (sizes) apply to it too.
			const message = change && decodeClientMessage(encodeUpdate(change));
			if (message?.kind === 'update') {
				if (!(await this.#room.receiveCarried(this.#peer, message))) return;
				console.info(
					`[sync] board ${this.#room.boardId}: carried changes of ${this.#peer.userId} over from generation ${this.#from}`
				);
			}
			await this.#ended.remember(this.#room.boardId, this.#from, update);
		}
		this.#finish();
	}

	#finish(): void {
		this.#peer.close(CLOSE.carriedOver, String(this.#room.generation));
	}
}

/** The content `update` changes in `ended`, as an update of `current` (null: it changes nothing there). */
export function changeOnCurrent(ended: Y.Doc, update: Uint8Array, current: Y.Doc): Uint8Array | null {
	const after = copyOf(ended);
	Y.applyUpdate(after, update);
	const fork = copyOf(current);
	let change: Uint8Array | null = null;
	fork.on('update', (made: Uint8Array) => (change = made));
	fork.transact(() => patchContent(ended, after, fork));
	after.destroy();
	fork.destroy();
	return change;
}

function copyOf(doc: Y.Doc): Y.Doc {
	const copy = new Y.Doc({ gc: true });
	Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
	return copy;
}
