import { describe, expect, it } from 'vitest';
import { localWeek, nextStandup } from './week.ts';

const at = (iso: string) => Date.parse(iso);

describe('localWeek', () => {
	it('runs Monday to Sunday on the board’s wall clock', () => {
		expect(localWeek(at('2026-11-25T10:00:00Z'), 'Europe/Paris')).toEqual({ start: '2026-11-23', end: '2026-11-29' });
	});

	it('turns over at local midnight: Sunday noon UTC is already next week in Auckland', () => {
		const sundayNoon = at('2026-11-29T12:00:00Z');
		expect(localWeek(sundayNoon, 'Europe/Paris')).toEqual({ start: '2026-11-23', end: '2026-11-29' });
		expect(localWeek(sundayNoon, 'Pacific/Auckland')).toEqual({ start: '2026-11-30', end: '2026-12-06' });
	});
});

describe('nextStandup', () => {
	const monday930 = { day: 1, time: '09:30', timeBox: 90, length: 15 };

	it('is later today when today is the day and the time has not come', () => {
		expect(nextStandup(at('2026-11-23T07:00:00Z'), monday930, 'Europe/Paris')).toEqual({
			date: '2026-11-23',
			time: '09:30'
		});
	});

	it('is next week once today’s has passed', () => {
		expect(nextStandup(at('2026-11-23T09:00:00Z'), monday930, 'Europe/Paris').date).toBe('2026-11-30');
	});

	it('counts days in the board’s time zone', () => {
		// Sunday 22:00 UTC is Monday 11:00 in Auckland: this Monday's 09:30 is gone.
		expect(nextStandup(at('2026-11-29T22:00:00Z'), monday930, 'Pacific/Auckland').date).toBe('2026-12-07');
		expect(nextStandup(at('2026-11-29T22:00:00Z'), monday930, 'Europe/Paris').date).toBe('2026-11-30');
	});
});
