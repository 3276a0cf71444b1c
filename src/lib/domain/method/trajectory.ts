import { datedCheckIns, objectiveLine } from './line.ts';
import type { IsoDate, MethodCard } from './types.ts';

/** A point in the unit box: x = time (0 left), y = value (0 bottom; an SVG flips it). */
export interface BoxPoint {
	x: number;
	y: number;
}

export interface Trajectory {
	/** Check-ins by date. */
	checkIns: (BoxPoint & { date: IsoDate; value: number })[];
	/** Planned line from baseline at the rollout start to target at the deadline, when known. */
	expected: { from: BoxPoint; to: BoxPoint } | null;
}

/** `value`'s place between lo and hi in 0..1; the middle when the range is flat. */
function scale(value: number, lo: number, hi: number): number {
	if (!(hi > lo)) return 0.5;
	// Halving keeps hi − lo finite even for the largest doubles.
	const ratio = hi - lo === Infinity ? (value / 2 - lo / 2) / (hi / 2 - lo / 2) : (value - lo) / (hi - lo);
	return Math.min(1, Math.max(0, ratio));
}

/**
 * Sparkline data in a 0..1 box that holds both the check-ins and the planned line, or null when
 * there is nothing to draw.
 */
export function trajectory(card: MethodCard): Trajectory | null {
	const checkIns = datedCheckIns(card.checkIns);
	const line = objectiveLine(card);
	if (checkIns.length === 0 && !line) return null;
	const days = checkIns.map((c) => c.day);
	const values = checkIns.map((c) => c.value);
	if (line) {
		days.push(line.startDay, line.deadlineDay);
		values.push(line.baseline, line.target);
	}
	const [day0, day1] = [Math.min(...days), Math.max(...days)];
	const [low, high] = [Math.min(...values), Math.max(...values)];
	const at = (day: number, value: number): BoxPoint => ({ x: scale(day, day0, day1), y: scale(value, low, high) });
	return {
		checkIns: checkIns.map((c) => ({ ...at(c.day, c.value), date: c.date, value: c.value })),
		expected: line ? { from: at(line.startDay, line.baseline), to: at(line.deadlineDay, line.target) } : null
	};
}
