import { fromDay, localDate, toDay } from '../method/dates.ts';
import type { IsoDate } from '../method/types.ts';

/**
 * Instants of local midnights: the flow metrics count days and weeks on the board's wall clock,
 * so a card moved on Sunday 23:30 UTC lands in Monday's week in Paris and in Sunday's in UTC.
 */

const DAY_MS = 86_400_000;

/** The instant local midnight starts `date` in `timeZone` (DST shifts included). */
export function midnightIn(date: IsoDate, timeZone: string): number {
	const day = toDay(date);
	if (day === null) throw new Error(`not a date: ${date}`);
	const wall = day * DAY_MS;
	// Two passes: the offset near the guess, then the offset at the corrected instant.
	let at = wall - offsetAt(wall, timeZone);
	at = wall - offsetAt(at, timeZone);
	return at;
}

// Building a formatter costs far more than using one: one per zone, kept (as dates.ts does).
const clocks = new Map<string, Intl.DateTimeFormat>();
function clockFormat(timeZone: string): Intl.DateTimeFormat {
	let format = clocks.get(timeZone);
	if (!format) {
		const options = { timeZone, hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' } as const;
		format = new Intl.DateTimeFormat('en-GB', options);
		clocks.set(timeZone, format);
	}
	return format;
}

/** Milliseconds `timeZone` is ahead of UTC at instant `at`. */
function offsetAt(at: number, timeZone: string): number {
	const local = toDay(localDate(at, timeZone));
	if (local === null) return 0;
	const clock = clockFormat(timeZone).format(at);
	const [h = 0, m = 0, s = 0] = clock.split(':').map(Number);
	const wall = local * DAY_MS + ((h * 60 + m) * 60 + s) * 1000;
	return wall - Math.floor(at / 1000) * 1000;
}

/** The Monday starting the local week of `date` (weeks run Monday → Sunday). */
export function mondayOf(date: IsoDate): IsoDate {
	const day = toDay(date);
	if (day === null) throw new Error(`not a date: ${date}`);
	return fromDay(day - ((day + 3) % 7)); // day 0 (1970-01-01) was a Thursday
}

/** Every date from `from` to `to`, both included. */
export function datesBetween(from: IsoDate, to: IsoDate): IsoDate[] {
	const start = toDay(from);
	const end = toDay(to);
	if (start === null || end === null) return [];
	const dates: IsoDate[] = [];
	for (let day = start; day <= end; day++) dates.push(fromDay(day));
	return dates;
}

export function addDays(date: IsoDate, days: number): IsoDate {
	const day = toDay(date);
	if (day === null) throw new Error(`not a date: ${date}`);
	return fromDay(day + days);
}
