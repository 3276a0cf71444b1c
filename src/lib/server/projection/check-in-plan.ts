import type { CardView } from '#lib/board/schema.ts';
import { toMethodCard } from '#lib/board/card-sections.ts';
import { isIsoDate, isTimeZone } from '#lib/domain/method/dates.ts';
import { latestCheckIn } from '#lib/domain/method/line.ts';
import { CADENCES, type Cadence, type IsoDate, type MethodCard } from '#lib/domain/method/types.ts';

/**
 * What the check-in schedule needs of a card, kept in its projected row (`card.check_in_plan`):
 * due and missed dates move with the calendar, not with the document, so the projection stores the
 * inputs and the schedule applies the method's cadence rules (domain/method/cadence.ts) each time.
 */
export interface CheckInPlan {
	phases: { start: IsoDate; end: IsoDate; cadence: Cadence }[];
	/** The date of the latest usable check-in. */
	lastCheckIn: IsoDate | null;
	/** The outcome is recorded: nothing is due any more. */
	closed: boolean;
	/** The board's time zone when the card was projected (null in plans stored before it was kept). */
	timeZone: string | null;
}

/** The card's plan as a JSON column; null when it has no rollout phase (nothing can be due). */
export function checkInPlanColumn(card: CardView, timeZone: string): string | null {
	const method = toMethodCard(card.sections);
	const phases = (method.rollout?.phases ?? []).map(({ start, end, cadence }) => ({ start, end, cadence }));
	if (phases.length === 0) return null;
	const plan: CheckInPlan = {
		phases,
		lastCheckIn: latestCheckIn(method)?.date ?? null,
		closed: method.outcome !== undefined,
		timeZone
	};
	return JSON.stringify(plan);
}

/** Reads a stored plan back; null for a missing or malformed one. */
export function parseCheckInPlan(json: string | null): CheckInPlan | null {
	if (!json) return null;
	let value: unknown;
	try {
		value = JSON.parse(json);
	} catch {
		return null;
	}
	const plan = value as Partial<CheckInPlan> | null;
	if (!plan || !Array.isArray(plan.phases)) return null;
	const phases = plan.phases.filter(
		(p) => isIsoDate(p?.start) && isIsoDate(p?.end) && (CADENCES as readonly unknown[]).includes(p?.cadence)
	);
	const lastCheckIn = isIsoDate(plan.lastCheckIn) ? plan.lastCheckIn : null;
	const timeZone = isTimeZone(plan.timeZone) ? plan.timeZone : null;
	return { phases, lastCheckIn, closed: plan.closed === true, timeZone };
}

/** The plan as the method's rules see a card: only what the cadence reads is filled in. */
export function planToMethodCard(plan: CheckInPlan): MethodCard {
	return {
		rollout: { phases: plan.phases.map((p) => ({ ...p, name: '', segments: [], decision: null })) },
		checkIns: plan.lastCheckIn ? [{ date: plan.lastCheckIn, value: 0, confidence: 'on-track', note: '' }] : [],
		outcome: plan.closed ? { verdict: 'generalised', date: '1970-01-01', result: null, learnings: '' } : undefined
	};
}
