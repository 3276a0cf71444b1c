import { toDay } from './dates.ts';
import { isFiniteNumber, type Goal } from './progress.ts';
import type { CheckIn, MethodCard } from './types.ts';

/** The planned trajectory: baseline on the rollout's first day, target on the deadline. */
export interface ObjectiveLine extends Goal {
	baseline: number;
	target: number;
	startDay: number;
	deadlineDay: number;
}

/** The line of a card, or null while baseline, target, deadline or a first phase start is missing. */
export function objectiveLine(card: MethodCard): ObjectiveLine | null {
	const objective = card.objective;
	const startDay = toDay(card.rollout?.phases?.[0]?.start);
	const deadlineDay = toDay(objective?.deadline);
	if (!objective || startDay === null || deadlineDay === null) return null;
	const { baseline, target, direction } = objective;
	if (!isFiniteNumber(baseline) || !isFiniteNumber(target)) return null;
	return { baseline, target, direction, startDay, deadlineDay };
}

/** How much of the planned time has passed on `day`: 0 up to the start, 1 from the deadline on. */
export function elapsed(line: ObjectiveLine, day: number): number {
	if (day >= line.deadlineDay) return 1;
	if (day <= line.startDay) return 0;
	return (day - line.startDay) / (line.deadlineDay - line.startDay);
}

export interface DatedCheckIn extends CheckIn {
	day: number;
}

/** Usable check-ins (valid date, finite value) by date; same-day ones keep their recorded order. */
export function datedCheckIns(checkIns: readonly CheckIn[] = []): DatedCheckIn[] {
	const dated: DatedCheckIn[] = [];
	for (const checkIn of checkIns) {
		const day = toDay(checkIn.date);
		if (day !== null && isFiniteNumber(checkIn.value)) dated.push({ ...checkIn, day });
	}
	return dated.sort((a, b) => a.day - b.day);
}

export function latestCheckIn(card: MethodCard): DatedCheckIn | null {
	return datedCheckIns(card.checkIns).at(-1) ?? null;
}
