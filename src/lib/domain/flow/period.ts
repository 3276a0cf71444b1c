import * as v from 'valibot';
import { localDate, toDay } from '../method/dates.ts';
import type { IsoDate } from '../method/types.ts';
import { addDays, midnightIn } from './zone.ts';

/** What the metrics pages read from their URL: `?from=YYYY-MM-DD&to=YYYY-MM-DD&stuck=N`. */
export interface FlowPeriod {
	/** Local dates on the board's wall clock, both included. */
	fromDate: IsoDate;
	toDate: IsoDate;
	timeZone: string;
	/** Instants: local midnight starting `fromDate`, and the one ending `toDate`. */
	start: number;
	end: number;
	/** A card in one stage longer than this many days is "stuck". */
	stuckDays: number;
}

export const DEFAULT_WEEKS = 12;
export const DEFAULT_STUCK_DAYS = 14;
/** A year and a bit: longer periods make daily charts unreadable and slow. */
export const MAX_PERIOD_DAYS = 400;

const IsoDateParam = v.pipe(
	v.string(),
	v.check((s) => toDay(s) !== null, 'date')
);
export const FlowQuery = v.object({
	from: v.optional(IsoDateParam),
	to: v.optional(IsoDateParam),
	stuck: v.optional(v.pipe(v.string(), v.toNumber(), v.integer(), v.minValue(1), v.maxValue(365)))
});
export type FlowQueryInput = v.InferInput<typeof FlowQuery>;

/** Names the first field of the query that is not valid (the page says which), or null. */
export function invalidFlowField(query: Record<string, string | undefined>): string | null {
	const parsed = v.safeParse(FlowQuery, query);
	if (parsed.success) return null;
	const key = parsed.issues[0]?.path?.[0]?.key;
	return typeof key === 'string' ? key : 'from';
}

/**
 * The period asked for, in `timeZone`: by default the last twelve weeks up to today. Invalid
 * parts fall back to their default (the page shows which field was wrong); a reversed or overlong
 * range is clamped so the figures always cover something sensible.
 */
export function parseFlowPeriod(query: Record<string, string | undefined>, now: number, timeZone: string): FlowPeriod {
	const parsed = v.safeParse(FlowQuery, query);
	const input = parsed.success ? parsed.output : {};
	const today = localDate(now, timeZone);
	const toDate = input.to ?? today;
	let fromDate = input.from ?? addDays(toDate, -(DEFAULT_WEEKS * 7 - 1));
	if ((toDay(fromDate) ?? 0) > (toDay(toDate) ?? 0)) fromDate = toDate;
	if ((toDay(toDate) ?? 0) - (toDay(fromDate) ?? 0) >= MAX_PERIOD_DAYS)
		fromDate = addDays(toDate, -(MAX_PERIOD_DAYS - 1));
	return {
		fromDate,
		toDate,
		timeZone,
		start: midnightIn(fromDate, timeZone),
		end: midnightIn(addDays(toDate, 1), timeZone),
		stuckDays: input.stuck ?? DEFAULT_STUCK_DAYS
	};
}
