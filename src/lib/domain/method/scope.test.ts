import { describe, expect, it } from 'vitest';
import { resourceTotals } from './scope.ts';

const resource = (amount: number, unit: string) => ({ amount, unit, who: 'Ana', forWhat: 'Calls' });

describe('resourceTotals', () => {
	it('sums the amounts per unit, in order of first use', () => {
		const totals = resourceTotals([resource(4, 'hours/week'), resource(500, '€'), resource(2, 'hours/week')]);
		expect(totals).toEqual([
			{ unit: 'hours/week', total: 6 },
			{ unit: '€', total: 500 }
		]);
	});

	it('merges units differing by case or spaces and skips unusable entries', () => {
		const totals = resourceTotals([
			resource(1, 'Days'),
			resource(2, ' days '),
			resource(Number.NaN, 'days'),
			resource(3, ' ')
		]);
		expect(totals).toEqual([{ unit: 'Days', total: 3 }]);
		expect(resourceTotals()).toEqual([]);
	});
});
