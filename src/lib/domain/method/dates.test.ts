import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addMonths, fromDay, isIsoDate, isTimeZone, localDate, toDay } from './dates.ts';

const day = (date: string) => toDay(date) ?? Number.NaN;
const anyDay = fc.integer({ min: day('0001-01-01'), max: day('9999-01-01') });

describe('dates', () => {
	it('accepts only real calendar dates in the YYYY-MM-DD shape', () => {
		expect(toDay('1970-01-02')).toBe(1);
		expect(isIsoDate('2024-02-29')).toBe(true);
		expect(isIsoDate('0050-06-01')).toBe(true);
		for (const bad of ['2023-02-29', '2026-02-30', '2026-13-01', '2026-1-5', '2026-01-05T00:00', '', 20260105])
			expect(isIsoDate(bad)).toBe(false);
	});

	it('round-trips every day between year 1 and 9999', () => {
		fc.assert(
			fc.property(anyDay, (d) => {
				expect(toDay(fromDay(d))).toBe(d);
			})
		);
		expect(fromDay(day('0050-06-01'))).toBe('0050-06-01');
	});

	it('adds months from the anchor, clamped to the month end', () => {
		const jan31 = day('2024-01-31');
		expect([1, 2, 3, 13].map((n) => fromDay(addMonths(jan31, n)))).toEqual([
			'2024-02-29',
			'2024-03-31',
			'2024-04-30',
			'2025-02-28'
		]);
		expect(fromDay(addMonths(day('2025-11-30'), 3))).toBe('2026-02-28');
	});

	it('never moves the day of month up and lands in the right month', () => {
		fc.assert(
			// Up to 10 years on, so the result keeps a 4-digit year.
			fc.property(
				fc.integer({ min: day('0001-01-01'), max: day('9989-12-31') }),
				fc.integer({ min: 0, max: 120 }),
				(d, n) => {
					const [from, to] = [fromDay(d), fromDay(addMonths(d, n))];
					const months = (iso: string) => Number(iso.slice(0, 4)) * 12 + Number(iso.slice(5, 7));
					expect(months(to) - months(from)).toBe(n);
					expect(Number(to.slice(8))).toBeLessThanOrEqual(Number(from.slice(8)));
				}
			)
		);
	});

	it('reads today on the wall clocks of a time zone', () => {
		const instant = Date.parse('2026-01-19T20:00:00Z');
		expect(localDate(instant, 'Pacific/Auckland')).toBe('2026-01-20');
		expect(localDate(instant, 'America/Los_Angeles')).toBe('2026-01-19');
		expect(localDate(new Date('2024-02-29T23:30:00Z'), 'Europe/Paris')).toBe('2024-03-01');
		expect(isTimeZone('Europe/Paris')).toBe(true);
		expect(isTimeZone('Mars/Olympus_Mons')).toBe(false);
		expect(isTimeZone('')).toBe(false);
	});
});
