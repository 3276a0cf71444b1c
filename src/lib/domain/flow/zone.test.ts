import { describe, expect, it } from 'vitest';
import { parseFlowPeriod, invalidFlowField } from './period.ts';
import { datesBetween, midnightIn, mondayOf } from './zone.ts';

describe('midnightIn', () => {
	it('is the UTC instant of local midnight, summer and winter', () => {
		expect(new Date(midnightIn('2026-07-01', 'Europe/Paris')).toISOString()).toBe('2026-06-30T22:00:00.000Z');
		expect(new Date(midnightIn('2026-12-01', 'Europe/Paris')).toISOString()).toBe('2026-11-30T23:00:00.000Z');
		expect(new Date(midnightIn('2026-12-01', 'UTC')).toISOString()).toBe('2026-12-01T00:00:00.000Z');
	});

	it('handles the days daylight saving starts and ends', () => {
		expect(new Date(midnightIn('2026-03-29', 'Europe/Paris')).toISOString()).toBe('2026-03-28T23:00:00.000Z');
		expect(new Date(midnightIn('2026-03-30', 'Europe/Paris')).toISOString()).toBe('2026-03-29T22:00:00.000Z');
		expect(new Date(midnightIn('2026-10-26', 'Europe/Paris')).toISOString()).toBe('2026-10-25T23:00:00.000Z');
	});
});

describe('weeks and days', () => {
	it('starts weeks on Monday', () => {
		expect(mondayOf('2026-12-06')).toBe('2026-11-30'); // a Sunday
		expect(mondayOf('2026-11-30')).toBe('2026-11-30');
	});

	it('lists both ends', () => {
		expect(datesBetween('2026-02-27', '2026-03-01')).toEqual(['2026-02-27', '2026-02-28', '2026-03-01']);
	});
});

describe('parseFlowPeriod', () => {
	const now = Date.parse('2026-12-06T23:30:00Z'); // already Monday 7 December in Paris

	it('defaults to twelve weeks up to today on the board’s wall clock', () => {
		const paris = parseFlowPeriod({}, now, 'Europe/Paris');
		expect(paris).toMatchObject({ fromDate: '2026-09-15', toDate: '2026-12-07', stuckDays: 14 });
		expect(parseFlowPeriod({}, now, 'UTC').toDate).toBe('2026-12-06');
		expect(new Date(paris.end).toISOString()).toBe('2026-12-07T23:00:00.000Z');
	});

	it('reads dates and the stuck threshold, and says which field is wrong', () => {
		const period = parseFlowPeriod({ from: '2026-11-01', to: '2026-11-30', stuck: '7' }, now, 'UTC');
		expect(period).toMatchObject({ fromDate: '2026-11-01', toDate: '2026-11-30', stuckDays: 7 });
		expect(invalidFlowField({ from: '2026-02-30' })).toBe('from');
		expect(invalidFlowField({ stuck: '0' })).toBe('stuck');
		expect(invalidFlowField({ to: '2026-12-01' })).toBeNull();
	});

	it('turns a reversed or overlong range into a sensible one', () => {
		expect(parseFlowPeriod({ from: '2026-12-01', to: '2026-11-01' }, now, 'UTC').fromDate).toBe('2026-11-01');
		expect(parseFlowPeriod({ from: '2020-01-01', to: '2026-11-30' }, now, 'UTC').fromDate).toBe('2025-10-27');
	});
});
