import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Reclaimer } from './reclaim.ts';

describe('Reclaimer', () => {
	beforeEach(() => void vi.useFakeTimers());
	afterEach(() => void vi.useRealTimers());

	const fakeGc = () => {
		const gc = vi.fn(async () => undefined);
		return { gc, asGc: gc as unknown as NodeJS.GCFunction };
	};
	const LAST_RESORT = { type: 'major', execution: 'async', flavor: 'last-resort' };

	it('collects once, a few seconds after a burst of unloads', () => {
		const { gc, asGc } = fakeGc();
		const reclaimer = new Reclaimer(() => 0, asGc);
		for (let i = 0; i < 100; i++) reclaimer.unloaded();
		vi.advanceTimersByTime(4_000);
		expect(gc).not.toHaveBeenCalled();
		vi.advanceTimersByTime(1_500);
		expect(gc).toHaveBeenCalledTimes(1);
		expect(gc).toHaveBeenCalledWith(LAST_RESORT);
		vi.advanceTimersByTime(60_000);
		expect(gc).toHaveBeenCalledTimes(1);
	});

	it('still looks within a minute when unloads never stop', () => {
		const { gc, asGc } = fakeGc();
		const reclaimer = new Reclaimer(() => 0, asGc);
		for (let t = 0; t < 61_000; t += 1_000) {
			reclaimer.unloaded();
			vi.advanceTimersByTime(1_000);
		}
		expect(gc).toHaveBeenCalledTimes(1);
	});

	it('waits until as many rooms have unloaded as are still loaded', () => {
		const { gc, asGc } = fakeGc();
		const reclaimer = new Reclaimer(() => 3, asGc);
		reclaimer.unloaded();
		reclaimer.unloaded();
		vi.advanceTimersByTime(10_000);
		expect(gc).not.toHaveBeenCalled();
		reclaimer.unloaded();
		vi.advanceTimersByTime(10_000);
		expect(gc).toHaveBeenCalledTimes(1);
	});

	it('does nothing without gc, or once stopped', () => {
		new Reclaimer(() => 0, null).unloaded();
		const { gc, asGc } = fakeGc();
		const reclaimer = new Reclaimer(() => 0, asGc);
		reclaimer.unloaded();
		reclaimer.stop();
		vi.advanceTimersByTime(120_000);
		expect(gc).not.toHaveBeenCalled();
	});
});
