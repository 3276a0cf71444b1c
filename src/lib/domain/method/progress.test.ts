import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { progress, rawProgress, type Goal } from './progress.ts';
import { DIRECTIONS } from './types.ts';

const up = (baseline: number, target: number): Goal => ({ baseline, target, direction: 'increase' });
const down = (baseline: number, target: number): Goal => ({ baseline, target, direction: 'decrease' });
const direction = fc.constantFrom(...DIRECTIONS);
const flip = { increase: 'decrease', decrease: 'increase' } as const;
const finite = fc.double({ noNaN: true, noDefaultInfinity: true });

describe('progress', () => {
	it('is the share of the way from baseline to target', () => {
		expect(progress(up(20, 30), 25)).toBe(0.5);
		expect(progress(up(20, 30), 30)).toBe(1);
		expect(progress(down(100, 80), 90)).toBe(0.5);
		expect(progress(down(-10, -20), -20)).toBe(1);
	});

	it('floors at 0 but shows progress beyond the target', () => {
		expect(progress(up(20, 30), 10)).toBe(0);
		expect(progress(up(20, 30), 35)).toBe(1.5);
		expect(progress(down(100, 80), 60)).toBe(2);
		expect(rawProgress(up(20, 30), 10)).toBe(-1);
	});

	it('has no data when it is undefined', () => {
		expect(progress(up(5, 5), 7)).toBeNull();
		expect(progress(up(5, 3), 4)).toBeNull();
		expect(progress(down(3, 5), 4)).toBeNull();
		expect(progress({ direction: 'increase', target: 5 }, 4)).toBeNull();
		expect(progress(up(0, 1), Number.NaN)).toBeNull();
		expect(progress(up(0, Infinity), 1)).toBeNull();
		expect(progress(up(0, 1), -Infinity)).toBeNull();
	});

	it('stays finite at the edges of the doubles', () => {
		const max = Number.MAX_VALUE;
		expect(progress(up(-max, max), max)).toBe(1);
		expect(progress(up(-max, max), 0)).toBe(0.5);
		expect(progress(up(0, Number.MIN_VALUE), max)).toBe(max);
		expect(rawProgress(up(0, Number.MIN_VALUE), -max)).toBe(-max);
	});

	it('is null or a finite number ≥ 0 for any doubles, NaN and infinities included', () => {
		fc.assert(
			fc.property(fc.double(), fc.double(), fc.double(), direction, (baseline, target, value, dir) => {
				const raw = rawProgress({ baseline, target, direction: dir }, value);
				const shown = progress({ baseline, target, direction: dir }, value);
				expect(raw === null || Number.isFinite(raw)).toBe(true);
				expect(shown === null || (Number.isFinite(shown) && shown >= 0)).toBe(true);
			})
		);
	});

	it('gives the same progress for values mirrored around 0 with the direction flipped', () => {
		fc.assert(
			fc.property(fc.double(), fc.double(), fc.double(), direction, (baseline, target, value, dir) => {
				const mirrored = progress({ baseline: -baseline, target: -target, direction: flip[dir] }, -value);
				expect(mirrored).toBe(progress({ baseline, target, direction: dir }, value));
			})
		);
	});

	it('grows as the value moves toward the target', () => {
		fc.assert(
			fc.property(finite, finite, finite, finite, direction, (baseline, target, a, b, dir) => {
				const goal = { baseline, target, direction: dir };
				// `near` is the value further in the objective's direction.
				const [far, near] = (dir === 'increase') === a <= b ? [a, b] : [b, a];
				const [pFar, pNear] = [rawProgress(goal, far), rawProgress(goal, near)];
				// Null depends on the goal alone, so both are null or neither is.
				expect(pFar === null).toBe(pNear === null);
				if (pFar === null || pNear === null) return;
				expect(pNear).toBeGreaterThanOrEqual(pFar);
				expect(progress(goal, near)).toBeGreaterThanOrEqual(progress(goal, far) ?? Infinity);
			})
		);
	});
});
