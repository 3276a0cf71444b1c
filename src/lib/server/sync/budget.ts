/**
 * What one socket may send: a token bucket for messages and one for bytes, refilled every second up to
 * a burst. A stock client typing fast sends a few dozen frames a second; a burst of thousands is an
 * attack (each frame costs the room work), and the socket is closed rather than served.
 */
export const MESSAGES_PER_SECOND = 100;
export const MESSAGE_BURST = 300;
export const BYTES_PER_SECOND = 1024 * 1024;
export const BYTE_BURST = 4 * 1024 * 1024;
/**
 * A request for the document (sync step 1) makes the server encode and send what the client lacks,
 * often the whole board: it is charged as this many messages. A client asks once per connection.
 */
export const SYNC_REQUEST_COST = 10;

class TokenBucket {
	#tokens: number;
	#at: number;
	#rate: number;
	#burst: number;

	constructor(rate: number, burst: number, now: number) {
		this.#rate = rate;
		this.#burst = burst;
		this.#tokens = burst;
		this.#at = now;
	}

	take(amount: number, now: number): boolean {
		this.#tokens = Math.min(this.#burst, this.#tokens + ((now - this.#at) / 1000) * this.#rate);
		this.#at = now;
		if (this.#tokens < amount) return false;
		this.#tokens -= amount;
		return true;
	}
}

export class SocketBudget {
	#messages: TokenBucket;
	#bytes: TokenBucket;

	constructor(now = performance.now()) {
		this.#messages = new TokenBucket(MESSAGES_PER_SECOND, MESSAGE_BURST, now);
		this.#bytes = new TokenBucket(BYTES_PER_SECOND, BYTE_BURST, now);
	}

	/** Charges one frame of `bytes`; false once the socket has spent more than its budget. */
	spendBytes(bytes: number, now = performance.now()): boolean {
		return this.#bytes.take(bytes, now);
	}

	/** Charges `cost` messages (1, or SYNC_REQUEST_COST for a sync request). */
	spendMessages(cost: number, now = performance.now()): boolean {
		return this.#messages.take(cost, now);
	}
}
