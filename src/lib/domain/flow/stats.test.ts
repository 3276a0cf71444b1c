import { describe, expect, it } from 'vitest';
import { quantile, spreadOf } from './stats.ts';

describe('quantile', () => {
	it('interpolates between closest ranks, whatever the order given', () => {
		expect(quantile([4, 1, 3, 2], 0.5)).toBe(2.5);
		expect(quantile([7], 0.85)).toBe(7);
		expect(quantile([], 0.5)).toBeNull();
		expect(spreadOf([10, 0])).toEqual({ count: 2, median: 5, p85: 8.5 });
	});
});
