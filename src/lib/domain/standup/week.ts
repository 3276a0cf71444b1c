import { fromDay, localDate, toDay } from '../method/dates.ts';
import type { IsoDate } from '../method/types.ts';

/** When a board holds its weekly stand-up: day (0 = Sunday … 6 = Saturday) and "HH:MM" local time. */
export interface StandupCadence {
	day: number;
	time: string;
	/** Seconds per card before the quiet "time's up" cue. */
	timeBox: number;
	/** Minutes for the whole stand-up: the start page compares the expected walk with it. */
	length: number;
}

export const DEFAULT_CADENCE: StandupCadence = { day: 1, time: '09:30', timeBox: 90, length: 15 };
export const TIME_PATTERN = /^([01]\d|2[0-3]):[0-5]\d$/;

/** Monday → Sunday: the board's calendar week holding `now`, in its time zone. */
export function localWeek(now: number, timeZone: string): { start: IsoDate; end: IsoDate } {
	const today = toDay(localDate(now, timeZone))!;
	// Day 0 (1970-01-01) was a Thursday: +3 makes Monday 0.
	const monday = today - ((today + 3) % 7);
	return { start: fromDay(monday), end: fromDay(monday + 6) };
}

/** The next scheduled stand-up on or after `now`, as a local date and time in the board's time zone. */
export function nextStandup(now: number, cadence: StandupCadence, timeZone: string): { date: IsoDate; time: string } {
	const today = toDay(localDate(now, timeZone))!;
	const clock = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
		.format(now)
		.slice(0, 5);
	const weekday = (today + 4) % 7; // 0 = Sunday
	let ahead = (cadence.day - weekday + 7) % 7;
	if (ahead === 0 && clock > cadence.time) ahead = 7;
	return { date: fromDay(today + ahead), time: cadence.time };
}
