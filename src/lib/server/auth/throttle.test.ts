import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { LoginThrottle, delayAfter } from './throttle.ts';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const T0 = 1_700_000_000_000;

/** `n` failures for `key`, one millisecond apart, the last at T0. Returns the throttle. */
function failNTimes(n: number, key = 'email:ada@example.org', throttle = new LoginThrottle()): LoginThrottle {
	for (let i = 0; i < n; i++) throttle.fail(key, T0 - (n - 1 - i));
	return throttle;
}

describe('delayAfter', () => {
	it('lets the first 3 failures through, then doubles from one second', () => {
		expect([0, 1, 2].map(delayAfter)).toEqual([0, 0, 0]);
		expect([3, 4, 5, 6, 10].map(delayAfter)).toEqual([1, 2, 4, 8, 128].map((s) => s * SECOND));
	});

	it('is capped at 15 minutes', () => {
		expect(delayAfter(12)).toBe(512 * SECOND);
		expect(delayAfter(13)).toBe(15 * MINUTE);
		expect(delayAfter(50)).toBe(15 * MINUTE);
		expect(delayAfter(5000)).toBe(15 * MINUTE);
	});

	it('never shrinks as failures grow', () => {
		fc.assert(
			fc.property(fc.nat(200), (n) => {
				expect(delayAfter(n + 1)).toBeGreaterThanOrEqual(delayAfter(n));
			})
		);
	});
});

describe('LoginThrottle', () => {
	it('does not make anyone wait for the first 3 failures', () => {
		const throttle = new LoginThrottle();
		for (let i = 1; i <= 3; i++) {
			expect(throttle.waitFor('k', T0)).toBe(0);
			throttle.fail('k', T0);
		}
		// The third failure already arms the first delay for the fourth attempt.
		expect(throttle.waitFor('k', T0)).toBe(SECOND);
		expect(failNTimes(2).waitFor('email:ada@example.org', T0)).toBe(0);
	});

	it('makes the key wait 2^(n-3) seconds after the n-th failure, counted from that failure', () => {
		for (const [n, seconds] of [
			[3, 1],
			[4, 2],
			[5, 4],
			[8, 32]
		] as const) {
			const throttle = failNTimes(n);
			expect(throttle.waitFor('email:ada@example.org', T0)).toBe(seconds * SECOND);
			expect(throttle.waitFor('email:ada@example.org', T0 + SECOND / 2)).toBe(seconds * SECOND - SECOND / 2);
			expect(throttle.waitFor('email:ada@example.org', T0 + seconds * SECOND)).toBe(0);
		}
	});

	it('caps the wait at 15 minutes however many failures', () => {
		const throttle = failNTimes(40);
		expect(throttle.waitFor('email:ada@example.org', T0)).toBe(15 * MINUTE);
	});

	it('clears a key on success', () => {
		const throttle = failNTimes(6);
		throttle.succeed('email:ada@example.org');
		expect(throttle.waitFor('email:ada@example.org', T0)).toBe(0);
		// The count starts again from zero: two failures are free again.
		failNTimes(2, 'email:ada@example.org', throttle);
		expect(throttle.waitFor('email:ada@example.org', T0)).toBe(0);
	});

	it('forgets a key more than an hour after its last failure', () => {
		const throttle = failNTimes(20);
		expect(throttle.waitFor('email:ada@example.org', T0 + HOUR)).toBe(0); // the 15 min cap has passed
		throttle.fail('email:ada@example.org', T0 + HOUR); // exactly an hour: still remembered, failure 21
		expect(throttle.waitFor('email:ada@example.org', T0 + HOUR)).toBe(15 * MINUTE);
		expect(throttle.waitFor('email:ada@example.org', T0 + 2 * HOUR + 1)).toBe(0);
		throttle.fail('email:ada@example.org', T0 + 2 * HOUR + 1); // forgotten: this is failure 1 again
		expect(throttle.waitFor('email:ada@example.org', T0 + 2 * HOUR + 1)).toBe(0);
	});

	it('starts counting afresh when a failure comes over an hour after the last one', () => {
		// No waitFor() in between: forgetting must not depend on someone having checked the key.
		const throttle = failNTimes(10);
		throttle.fail('email:ada@example.org', T0 + HOUR + 1);
		expect(throttle.waitFor('email:ada@example.org', T0 + HOUR + 1)).toBe(0);
		throttle.fail('email:ada@example.org', T0 + HOUR + 2);
		throttle.fail('email:ada@example.org', T0 + HOUR + 3);
		expect(throttle.waitFor('email:ada@example.org', T0 + HOUR + 3)).toBe(SECOND);
	});

	it('keeps keys independent', () => {
		const throttle = failNTimes(5, 'email:ada@example.org');
		failNTimes(3, 'ip:10.0.0.1', throttle);
		expect(throttle.waitFor('email:ada@example.org', T0)).toBe(4 * SECOND);
		expect(throttle.waitFor('ip:10.0.0.1', T0)).toBe(SECOND);
		expect(throttle.waitFor('email:bob@example.org', T0)).toBe(0);
		throttle.succeed('ip:10.0.0.1');
		expect(throttle.waitFor('ip:10.0.0.1', T0)).toBe(0);
		expect(throttle.waitFor('email:ada@example.org', T0)).toBe(4 * SECOND);
	});

	it('matches delayAfter for any failure count and any key mix', () => {
		fc.assert(
			fc.property(fc.array(fc.constantFrom('a', 'b', 'c'), { maxLength: 60 }), fc.nat(HOUR), (keys, later) => {
				const throttle = new LoginThrottle();
				for (const key of keys) throttle.fail(key, T0);
				for (const key of ['a', 'b', 'c']) {
					const n = keys.filter((k) => k === key).length;
					expect(throttle.waitFor(key, T0 + later)).toBe(Math.max(0, delayAfter(n) - later));
				}
			})
		);
	});
});
