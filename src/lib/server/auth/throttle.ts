/**
 * Login throttling with growing delays, per account and per IP. After FREE_FAILURES failures a key
 * must wait 2^(n - FREE_FAILURES) seconds (capped) before the next attempt is even checked.
 * In memory: a restart forgives, which is acceptable for delays measured in minutes.
 */
const FREE_FAILURES = 3;
const MAX_DELAY_MS = 15 * 60 * 1000;
const FORGET_AFTER_MS = 60 * 60 * 1000;
const SWEEP_ABOVE = 10_000;

interface Entry {
	failures: number;
	lastFailure: number;
}

export class LoginThrottle {
	#entries = new Map<string, Entry>();

	/** Milliseconds to wait before `key` may try again (0 = now). */
	waitFor(key: string, now = Date.now()): number {
		const entry = this.#entries.get(key);
		if (!entry) return 0;
		if (now - entry.lastFailure > FORGET_AFTER_MS) {
			this.#entries.delete(key);
			return 0;
		}
		return Math.max(0, entry.lastFailure + delayAfter(entry.failures) - now);
	}

	fail(key: string, now = Date.now()): void {
		const entry = this.#entries.get(key);
		const failures = (entry && now - entry.lastFailure <= FORGET_AFTER_MS ? entry.failures : 0) + 1;
		this.#entries.set(key, { failures, lastFailure: now });
		if (this.#entries.size > SWEEP_ABOVE) this.#sweep(now);
	}

	/** Bounds memory under a flood of one-off keys (many IPs): drop everything already forgiven. */
	#sweep(now: number): void {
		for (const [k, e] of this.#entries) if (now - e.lastFailure > FORGET_AFTER_MS) this.#entries.delete(k);
	}

	succeed(key: string): void {
		this.#entries.delete(key);
	}
}

export function delayAfter(failures: number): number {
	if (failures < FREE_FAILURES) return 0;
	return Math.min(MAX_DELAY_MS, 1000 * 2 ** (failures - FREE_FAILURES));
}
