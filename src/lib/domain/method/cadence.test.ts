import { describe, expect, it } from 'vitest';
import { missedCheckIns, nextCheckInDue } from './cadence.ts';
import { completeCard } from './fixtures.ts';
import type { Cadence, MethodCard, Phase } from './types.ts';

const noon = (date: string) => Date.parse(`${date}T12:00:00Z`);
const phase = (start: string, end: string, cadence: Cadence): Phase => ({
	name: 'Phase',
	segments: [],
	start,
	end,
	cadence,
	decision: null
});
const plan = (phases: Phase[], checkInDates: string[] = []): MethodCard => ({
	rollout: { phases },
	checkIns: checkInDates.map((date) => ({ date, value: 1, confidence: 'on-track', note: '' }))
});
const missedOn = (card: MethodCard, date: string) => missedCheckIns(card, noon(date), 'UTC').dates;

describe('missedCheckIns', () => {
	const weekly = plan([phase('2026-01-05', '2026-03-29', 'weekly')]);

	it('counts cadence dates that passed without a check-in, the due day itself not yet', () => {
		expect(missedOn(weekly, '2026-01-12')).toEqual([]);
		expect(missedOn(weekly, '2026-01-13')).toEqual(['2026-01-12']);
		expect(missedCheckIns(weekly, noon('2026-01-20'), 'UTC')).toEqual({
			count: 2,
			dates: ['2026-01-12', '2026-01-19'],
			flagged: true
		});
	});

	it('forgives the dates a later check-in made up for', () => {
		expect(missedOn({ ...weekly, checkIns: completeCard().checkIns }, '2026-01-20')).toEqual(['2026-01-19']);
		const late = plan(weekly.rollout?.phases ?? [], ['2026-01-21']);
		expect(missedOn(late, '2026-01-27')).toEqual([]);
		expect(missedOn(late, '2026-02-03')).toEqual(['2026-02-02']);
	});

	it('keeps monthly dates on the month end: Jan 31 → Feb 29 → Mar 31 in a leap year', () => {
		const monthly = plan([phase('2024-01-31', '2024-12-31', 'monthly')]);
		expect(missedOn(monthly, '2024-05-01')).toEqual(['2024-02-29', '2024-03-31', '2024-04-30']);
		const nonLeap = plan([phase('2023-01-31', '2023-12-31', 'monthly')]);
		expect(missedOn(nonLeap, '2023-04-01')).toEqual(['2023-02-28', '2023-03-31']);
	});

	it('counts biweekly dates across a year end', () => {
		const biweekly = plan([phase('2025-12-20', '2026-03-01', 'biweekly')]);
		expect(missedOn(biweekly, '2026-01-18')).toEqual(['2026-01-03', '2026-01-17']);
	});

	it('uses the current phase, and nothing past a phase end or before the rollout', () => {
		const two = plan([phase('2026-01-05', '2026-01-31', 'weekly'), phase('2026-02-01', '2026-06-30', 'monthly')]);
		expect(missedOn(two, '2026-01-04')).toEqual([]);
		expect(missedOn(two, '2026-01-31')).toEqual(['2026-01-12', '2026-01-19', '2026-01-26']);
		expect(missedOn(two, '2026-03-02')).toEqual(['2026-03-01']);
		expect(missedOn(plan([phase('2026-01-05', '2026-01-20', 'weekly')]), '2026-06-01')).toEqual([
			'2026-01-12',
			'2026-01-19'
		]);
	});

	it('stops once the outcome is recorded', () => {
		const done = {
			...weekly,
			outcome: { verdict: 'generalised' as const, date: '2026-02-01', result: 1, learnings: '' }
		};
		expect(missedOn(done, '2026-03-01')).toEqual([]);
	});

	it('takes "today" in the board time zone: Auckland is already a day ahead of Los Angeles', () => {
		const instant = Date.parse('2026-01-19T20:00:00Z'); // Jan 20, 09:00 in Auckland; Jan 19, 12:00 in LA
		expect(missedCheckIns(weekly, instant, 'Pacific/Auckland').dates).toEqual(['2026-01-12', '2026-01-19']);
		expect(missedCheckIns(weekly, instant, 'America/Los_Angeles').dates).toEqual(['2026-01-12']);
		expect(missedCheckIns(weekly, instant, 'Pacific/Auckland').flagged).toBe(true);
		expect(missedCheckIns(weekly, instant, 'America/Los_Angeles').flagged).toBe(false);
	});
});

describe('nextCheckInDue', () => {
	const weekly = plan([phase('2026-01-05', '2026-01-31', 'weekly'), phase('2026-02-01', '2026-06-30', 'monthly')]);
	const dueOn = (card: MethodCard, date: string) => nextCheckInDue(card, noon(date), 'UTC');

	it('gives the next unanswered cadence date, today included', () => {
		expect(dueOn(weekly, '2026-01-01')).toEqual({ date: '2026-01-12', inDays: 11 });
		expect(dueOn(weekly, '2026-01-12')).toEqual({ date: '2026-01-12', inDays: 0 });
		expect(dueOn(weekly, '2026-01-13')).toEqual({ date: '2026-01-19', inDays: 6 });
	});

	it('skips a date already answered by a check-in in its period', () => {
		expect(dueOn({ ...weekly, checkIns: completeCard().checkIns }, '2026-01-12')).toEqual({
			date: '2026-01-19',
			inDays: 7
		});
	});

	it('moves on to the next phase, and is null when the rollout is over', () => {
		expect(dueOn(weekly, '2026-01-27')).toEqual({ date: '2026-03-01', inDays: 33 });
		expect(dueOn(weekly, '2026-07-01')).toBeNull();
		expect(dueOn({}, '2026-07-01')).toBeNull();
	});
});
