import type { LoggedUpdate } from './log.ts';
import type { SequencedUpdate } from './message.ts';

export interface FollowerOptions {
	/** The last sequence number already in this process's copy of the board. */
	lastSeq: number;
	/** The stored updates after a sequence number, or null when compacted past it (see log.ts). */
	read(afterSeq: number): Promise<LoggedUpdate[] | null>;
	/** Applies one update to this process's copy (and sends it to its sockets); writer as in SequencedUpdate, null when read from the log. */
	apply(update: Uint8Array, seq: number, writer: string | null): void;
	/** Reloads this process's copy from the store; resolves with its last sequence number. */
	reload(): Promise<number>;
}

/**
 * One process's view of one board's sequence: applies what Redis delivers exactly once and in order.
 * The next number is applied; a number already seen is dropped; a gap (a lost message, a doorbell,
 * messages missed while Redis was away) is read from the log, so losing Redis costs freshness only.
 * Every step runs one at a time, in arrival order.
 */
export class BoardFollower {
	#options: FollowerOptions;
	#lastSeq: number;
	#queue: Promise<void> = Promise.resolve();

	constructor(options: FollowerOptions) {
		this.#options = options;
		this.#lastSeq = options.lastSeq;
	}

	get lastSeq(): number {
		return this.#lastSeq;
	}

	/** A message from Redis (another process's update, or a doorbell). */
	receive(message: SequencedUpdate): Promise<void> {
		return this.#run(async () => {
			if (message.seq <= this.#lastSeq) return;
			if (message.seq === this.#lastSeq + 1 && message.update) {
				this.#options.apply(message.update, message.seq, message.writer);
				this.#lastSeq = message.seq;
				return;
			}
			await this.#catchUp();
		});
	}

	/** This process stored the updates numbered `first` to `last` itself, and applied them already. */
	stored(first: number, last: number): Promise<void> {
		return this.#run(async () => {
			if (first === this.#lastSeq + 1) this.#lastSeq = last;
			else if (last > this.#lastSeq) await this.#catchUp(); // others wrote in between
		});
	}

	/** Reads whatever the log holds past what this process has: after a Redis reconnect, or periodically. */
	catchUp(): Promise<void> {
		return this.#run(() => this.#catchUp());
	}

	async #catchUp(): Promise<void> {
		const rows = await this.#options.read(this.#lastSeq);
		if (rows === null) {
			this.#lastSeq = await this.#options.reload();
			return;
		}
		for (const row of rows) {
			if (row.seq !== this.#lastSeq + 1) break; // a hole still being written: the next catch-up fills it
			this.#options.apply(row.data, row.seq, null);
			this.#lastSeq = row.seq;
		}
	}

	#run(step: () => Promise<void>): Promise<void> {
		const next = this.#queue.then(step);
		this.#queue = next.catch(() => undefined);
		return next;
	}
}
