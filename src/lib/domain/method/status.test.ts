import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromDay, toDay } from './dates.ts';
import { completeCard } from './fixtures.ts';
import { cardStatus, lineStatus, statusRank, worsen } from './status.ts';
import type { Direction, MethodCard } from './types.ts';

/** The fixture's line runs from 0 on 2026-01-05 to 100 on 2026-04-15: the expected value is the day number. */
const START = toDay('2026-01-05') ?? 0;
const withCheckIn = (day: number, value: number, card = completeCard()): MethodCard => ({
	...card,
	checkIns: [{ date: fromDay(START + day), value, confidence: 'on-track', note: '' }]
});

describe('lineStatus', () => {
	it('is on track at or above the line, at risk within the tolerance, off track beyond', () => {
		expect(lineStatus(withCheckIn(50, 50))).toBe('on-track');
		expect(lineStatus(withCheckIn(50, 80))).toBe('on-track');
		expect(lineStatus(withCheckIn(50, 49.99))).toBe('at-risk');
		expect(lineStatus(withCheckIn(50, 40))).toBe('at-risk'); // exactly 10 % of |target − baseline| below
		expect(lineStatus(withCheckIn(50, 39.99))).toBe('off-track');
		expect(lineStatus(withCheckIn(50, 30), { tolerance: 0.2 })).toBe('at-risk');
		expect(lineStatus(withCheckIn(50, 49), { tolerance: 0 })).toBe('off-track');
	});

	it('expects the baseline before the rollout starts and the target after the deadline', () => {
		expect(lineStatus(withCheckIn(-10, 0))).toBe('on-track');
		expect(lineStatus(withCheckIn(150, 100))).toBe('on-track');
		expect(lineStatus(withCheckIn(150, 89))).toBe('off-track');
	});

	it('judges a decrease the other way round', () => {
		const card = completeCard();
		card.objective = { ...card.objective, direction: 'decrease', baseline: 100, target: 0 };
		expect(lineStatus(withCheckIn(50, 50, card))).toBe('on-track');
		expect(lineStatus(withCheckIn(50, 60, card))).toBe('at-risk');
		expect(lineStatus(withCheckIn(50, 61, card))).toBe('off-track');
	});

	it('reads the latest check-in by date, not by order of entry', () => {
		const card = withCheckIn(50, 20);
		card.checkIns = [
			{ date: fromDay(START + 60), value: 70, confidence: 'at-risk', note: '' },
			...(card.checkIns ?? [])
		];
		expect(lineStatus(card)).toBe('on-track');
	});

	it('has no data without a check-in or without a line to compare with', () => {
		expect(lineStatus({ ...completeCard(), checkIns: [] })).toBe('no-data');
		expect(lineStatus({})).toBe('no-data');
		expect(lineStatus({ ...withCheckIn(5, 5), rollout: { phases: [] } })).toBe('no-data');
		const card = withCheckIn(5, 5);
		card.objective = { direction: 'increase', baseline: 3, target: 3, deadline: '2026-04-15' };
		expect(lineStatus(card)).toBe('no-data');
	});

	it('never improves when the value moves away from the target, all else equal', () => {
		const value = fc.double({ noNaN: true, noDefaultInfinity: true });
		fc.assert(
			fc.property(
				value,
				value,
				fc.constantFrom<Direction>('increase', 'decrease'),
				fc.integer({ min: -400, max: 400 }),
				fc.integer({ min: -50, max: 400 }),
				value,
				value,
				fc.double({ min: 0, max: 1, noNaN: true }),
				(baseline, target, direction, checkInDay, deadlineDay, a, b, tolerance) => {
					const card = completeCard();
					card.objective = { ...card.objective, direction, baseline, target, deadline: fromDay(START + deadlineDay) };
					const [near, far] = (direction === 'increase') === a >= b ? [a, b] : [b, a];
					const rank = (v: number) => statusRank(lineStatus(withCheckIn(checkInDay, v, card), { tolerance }));
					expect(rank(far)).toBeGreaterThanOrEqual(rank(near));
				}
			)
		);
	});
});

describe('cardStatus', () => {
	// Weekly from 2026-01-05: on 2026-01-28 the dates 01-19 and 01-26 passed since the 01-12 check-in.
	const now = Date.parse('2026-01-28T12:00:00Z');

	it('gives a concluded initiative no live status and no missed check-in', () => {
		// Far below the line and two check-ins behind, but the outcome is recorded: "adjusted" is not "off track".
		const adjusted: MethodCard = {
			...withCheckIn(7, 0),
			outcome: { verdict: 'adjusted', date: '2026-01-27', result: 3, learnings: '' }
		};
		expect(cardStatus(withCheckIn(7, 0), now, 'UTC').status).toBe('off-track');
		expect(cardStatus(adjusted, now, 'UTC')).toEqual({
			status: null,
			lineStatus: null,
			missed: { count: 0, dates: [], flagged: false }
		});
	});

	it('worsens the line status by one level once two check-ins are missed', () => {
		const onTrack = withCheckIn(7, 7);
		expect(cardStatus(onTrack, Date.parse('2026-01-20T12:00:00Z'), 'UTC').status).toBe('on-track');
		const flagged = cardStatus(onTrack, now, 'UTC');
		expect(flagged).toEqual({
			status: 'at-risk',
			lineStatus: 'on-track',
			missed: { count: 2, dates: ['2026-01-19', '2026-01-26'], flagged: true }
		});
		expect(cardStatus(withCheckIn(7, 6.5), now, 'UTC').status).toBe('off-track');
		expect(cardStatus(withCheckIn(7, 0), now, 'UTC').status).toBe('off-track');
		expect(cardStatus({ ...completeCard(), checkIns: [] }, now, 'UTC').status).toBe('no-data');
	});

	it('worsen steps one level and keeps the ends', () => {
		expect(['on-track', 'at-risk', 'off-track', 'no-data'].map((s) => worsen(s as never))).toEqual([
			'at-risk',
			'off-track',
			'off-track',
			'no-data'
		]);
	});
});
