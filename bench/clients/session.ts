import { performance } from 'node:perf_hooks';
import * as Y from 'yjs';
import { CLOSE } from '../../src/lib/domain/close-codes.ts';
import type { Endpoint } from '../lib/targets.ts';
import { Pace } from './pace.ts';
import { Wire } from './wire.ts';

/** One board's figures so far, over all its generations. */
export interface Tally {
	written: number;
	acked: number;
	latencies: number[];
	/** When the first session was synced, and when the last update was known stored. */
	start: number;
	lastAck: number;
}

/** What a session writes: at most `window` updates in flight on the board, `edit` on a writer's document, until `isOver`. */
export interface Plan {
	window: number;
	isOver(): boolean;
	edit(doc: Y.Doc, n: number): void;
}

/** A writer's copy of an ended generation, and the send times of its updates in flight when it ended. */
export interface Held {
	doc: Y.Doc;
	sentAt: number[];
}

/** One writing socket: its own document (a person's copy), its updates in flight, its pace. */
interface Writer {
	wire: Wire;
	/** [clock after the update, time sent], in order. */
	sent: [number, number][];
	pace: Pace;
}

/** No update back for this long: lost updates, the board's writing gives up and reports what came back. */
const STALL_MS = 15_000;
const TICK_MS = 20;

/**
 * The write load on one board during one generation: `writers` sockets, each with its own document
 * and within the server's per-socket budget, and an observer that sees their updates come back
 * through the server (which broadcasts only what it stored).
 */
export class Session {
	#writers: Writer[];
	#observer: Wire;
	#onUpdate = (_update: Uint8Array) => {};
	#turn = 0;

	private constructor(endpoint: Endpoint, boardId: string, generation: number, writers: number) {
		this.#writers = Array.from({ length: writers }, () => ({
			wire: new Wire(endpoint, boardId, { generation }),
			sent: [],
			pace: new Pace()
		}));
		this.#observer = new Wire(endpoint, boardId, {
			generation,
			applyFirstSync: false,
			onUpdate: (update) => this.#onUpdate(update)
		});
	}

	/** A session whose sockets are all synced (fresh documents: the first sync applied). */
	static async open(endpoint: Endpoint, boardId: string, generation: number, writers: number): Promise<Session> {
		const session = new Session(endpoint, boardId, generation, writers);
		try {
			await Promise.all([...session.#wires().map((w) => w.synced)]);
			return session;
		} catch (error) {
			await session.close();
			throw error;
		}
	}

	/** Writes until the plan is over (null) or the board starts a new generation: then what each writer held. */
	async write(plan: Plan, tally: Tally): Promise<Held[] | null> {
		let stop = (_renewed: boolean) => {};
		const stopped = new Promise<boolean>((resolve) => (stop = resolve));
		let over = false;
		const fill = () => {
			if (over) return;
			let writer: Writer | null;
			while (!plan.isOver() && tally.written - tally.acked < plan.window && (writer = this.#ready())) {
				const { doc } = writer.wire;
				plan.edit(doc, tally.written++);
				writer.sent.push([Y.getState(doc.store, doc.clientID), performance.now()]);
			}
			if (plan.isOver() && tally.acked >= tally.written) stop(false);
		};
		this.#onUpdate = (update) => {
			if (this.#ack(update, tally)) fill();
		};
		// The server closes every socket of the board's room when it starts a new generation.
		for (const w of this.#wires()) void w.closed.then(({ code }) => code === CLOSE.newGeneration && stop(true));
		const tick = setInterval(() => {
			fill(); // the pace and the deadline allow more between acks too
			if (performance.now() - tally.lastAck > STALL_MS) stop(false);
		}, TICK_MS);
		fill();
		const renewed = await stopped;
		over = true;
		clearInterval(tick);
		await this.close(); // after the observer's last acks, when renewed
		return renewed ? this.#writers.map((w) => ({ doc: w.wire.doc, sentAt: w.sent.map(([, at]) => at) })) : null;
	}

	async close(): Promise<void> {
		await Promise.all(this.#wires().map((w) => w.close()));
	}

	#wires(): Wire[] {
		return [...this.#writers.map((w) => w.wire), this.#observer];
	}

	/** The next writer (in turn) whose pace allows a send now, if any. */
	#ready(): Writer | null {
		for (let i = 0; i < this.#writers.length; i++) {
			const writer = this.#writers[this.#turn++ % this.#writers.length] as Writer;
			if (writer.pace.take()) return writer;
		}
		return null;
	}

	/** Counts the writers' updates that `update` (broadcast by the server) shows stored; true if any writer's was. */
	#ack(update: Uint8Array, tally: Tally): boolean {
		const reached = Y.parseUpdateMeta(update).to;
		const now = performance.now();
		let any = false;
		for (const { wire, sent } of this.#writers) {
			const clock = reached.get(wire.doc.clientID);
			if (clock === undefined) continue;
			any = true;
			while (sent.length > 0 && (sent[0]?.[0] ?? Infinity) <= clock) {
				tally.latencies.push(now - (sent.shift()?.[1] ?? now));
				tally.acked++;
			}
		}
		if (any) tally.lastAck = now;
		return any;
	}
}
