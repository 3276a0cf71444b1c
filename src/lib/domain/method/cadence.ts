import { addMonths, fromDay, localDate, toDay } from './dates.ts';
import { latestCheckIn } from './line.ts';
import type { Cadence, IsoDate, MethodCard } from './types.ts';

/** From this many missed check-ins on, the card is flagged and its status worsens by one level. */
export const MISSED_FLAG_THRESHOLD = 2;

// Bounds the work on absurd phases (a weekly cadence over centuries) without limiting real ones.
const MAX_DUES_PER_PHASE = 1_000;

export interface MissedCheckIns {
	count: number;
	dates: IsoDate[];
	flagged: boolean;
}

export interface CheckInDue {
	date: IsoDate;
	/** 0 when due today. */
	inDays: number;
}

interface Due {
	day: number;
	/** The previous cadence date (the day before the phase start for the first one). */
	after: number;
}

/** Cadence dates of a phase, start excluded and end included. Monthly ones count from the start,
 * so a phase starting Jan 31 is due Feb 28/29, Mar 31, Apr 30… */
function dues(startDay: number, endDay: number, cadence: Cadence): Due[] {
	const list: Due[] = [];
	let after = startDay - 1;
	for (let k = 1; k <= MAX_DUES_PER_PHASE; k++) {
		const day = cadence === 'monthly' ? addMonths(startDay, k) : startDay + (cadence === 'biweekly' ? 14 : 7) * k;
		if (day > endDay) break;
		list.push({ day, after });
		after = day;
	}
	return list;
}

/** Valid phases as day spans, each with its cadence dates, in rollout order. */
function phaseDues(card: MethodCard): { startDay: number; dues: Due[] }[] {
	return (card.rollout?.phases ?? []).flatMap((phase) => {
		const [startDay, endDay] = [toDay(phase.start), toDay(phase.end)];
		if (startDay === null || endDay === null) return [];
		return [{ startDay, dues: dues(startDay, endDay, phase.cadence) }];
	});
}

/**
 * Cadence dates still owed on `today`, from the current phase (the last one started) onwards, each
 * with whether it is still unanswered: a date is answered by any check-in after the cadence date
 * before it, so a late check-in makes up for the dates it missed.
 */
function owed(card: MethodCard, today: number): Due[] {
	if (card.outcome) return []; // the initiative is closed: nothing is due any more
	const phases = phaseDues(card);
	const current = phases.findLastIndex((phase) => phase.startDay <= today);
	const lastDay = latestCheckIn(card)?.day ?? -Infinity;
	return phases.slice(Math.max(current, 0)).flatMap((phase) => phase.dues.filter((due) => lastDay <= due.after));
}

/** Cadence dates that passed (strictly before today in `timeZone`) without a check-in. */
export function missedCheckIns(card: MethodCard, now: Date | number, timeZone: string): MissedCheckIns {
	const today = toDay(localDate(now, timeZone)) ?? 0;
	const dates = owed(card, today)
		.filter((due) => due.day < today)
		.map((due) => fromDay(due.day));
	return { count: dates.length, dates, flagged: dates.length >= MISSED_FLAG_THRESHOLD };
}

/** The next cadence date, today or later, that no check-in answers yet; null when none is planned. */
export function nextCheckInDue(card: MethodCard, now: Date | number, timeZone: string): CheckInDue | null {
	const today = toDay(localDate(now, timeZone)) ?? 0;
	const next = owed(card, today).find((due) => due.day >= today);
	return next ? { date: fromDay(next.day), inDays: next.day - today } : null;
}
