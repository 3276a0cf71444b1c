import { performance } from 'node:perf_hooks';
import { MESSAGES_PER_SECOND } from '../../src/lib/server/sync/budget.ts';

/** A socket's sends per second: under the server's budget (sync/budget.ts), with room for network jitter. */
export const PACE_PER_SECOND = MESSAGES_PER_SECOND * 0.8;
const BURST = 16;

/**
 * Keeps one socket within the server's per-socket message budget (a socket over it is closed with
 * tooManyMessages): a token bucket slower and shallower than the server's, so it never runs dry there.
 */
export class Pace {
	#tokens = BURST;
	#at = performance.now();

	/** True, spending a token, when the socket may send now. */
	take(now = performance.now()): boolean {
		this.#tokens = Math.min(BURST, this.#tokens + ((now - this.#at) / 1000) * PACE_PER_SECOND);
		this.#at = now;
		if (this.#tokens < 1) return false;
		this.#tokens -= 1;
		return true;
	}
}
