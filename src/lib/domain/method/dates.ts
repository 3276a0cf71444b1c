import type { IsoDate } from './types.ts';

/**
 * Calendar maths on 'YYYY-MM-DD' strings. A date is turned into a day number (days since
 * 1970-01-01, UTC) so that adding days and comparing never meets a daylight-saving shift.
 */

const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Midnight UTC of a calendar date; setUTCFullYear, unlike Date.UTC, keeps years 0–99 as they are. */
function utcMs(year: number, monthIndex: number, day: number): number {
	return new Date(0).setUTCFullYear(year, monthIndex, day);
}

/** Day number of a valid date, or null (wrong shape, or a day that does not exist such as 02-30). */
export function toDay(date: unknown): number | null {
	if (typeof date !== 'string') return null;
	const match = ISO_DATE.exec(date);
	if (!match) return null;
	const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
	const ms = utcMs(year, month - 1, day);
	const back = new Date(ms);
	if (back.getUTCFullYear() !== year || back.getUTCMonth() !== month - 1 || back.getUTCDate() !== day) return null;
	return ms / DAY_MS;
}

export function isIsoDate(date: unknown): date is IsoDate {
	return toDay(date) !== null;
}

export function fromDay(day: number): IsoDate {
	const d = new Date(day * DAY_MS);
	const pad = (n: number, width: number) => String(n).padStart(width, '0');
	return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1, 2)}-${pad(d.getUTCDate(), 2)}`;
}

/**
 * `months` calendar months after `day`, clamped to the month's end: Jan 31 + 1 → Feb 28/29, and
 * Jan 31 + 2 → Mar 31 (always counted from the anchor, so the 31st is not lost after February).
 */
export function addMonths(day: number, months: number): number {
	const anchor = new Date(day * DAY_MS);
	const year = anchor.getUTCFullYear();
	const monthIndex = anchor.getUTCMonth() + months;
	const lastDay = new Date(utcMs(year, monthIndex + 1, 0)).getUTCDate();
	return utcMs(year, monthIndex, Math.min(anchor.getUTCDate(), lastDay)) / DAY_MS;
}

/** Whether the runtime knows this IANA time zone. */
export function isTimeZone(timeZone: unknown): timeZone is string {
	if (typeof timeZone !== 'string' || timeZone === '') return false;
	try {
		new Intl.DateTimeFormat('en-CA', { timeZone });
		return true;
	} catch {
		return false;
	}
}

// Building a formatter costs far more than using one, and the server asks for "today" on every
// projected change: one per time zone, kept (a board has one zone; an organisation a handful).
const dayFormats = new Map<string, Intl.DateTimeFormat>();

function dayFormat(timeZone: string): Intl.DateTimeFormat {
	let format = dayFormats.get(timeZone);
	if (!format) {
		format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
		dayFormats.set(timeZone, format);
	}
	return format;
}

/** The calendar date on the wall clocks of `timeZone` at instant `now`. Throws on an unknown zone. */
export function localDate(now: Date | number, timeZone: string): IsoDate {
	const parts = dayFormat(timeZone).formatToParts(now);
	const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
	return `${part('year').padStart(4, '0')}-${part('month')}-${part('day')}`;
}
