import { describe, expect, it } from 'vitest';
import { computeFlowMetrics, type FlowCard } from './flow.ts';
import { parseFlowPeriod } from './period.ts';
import type { FlowEvent } from './timeline.ts';

const DAY = 86_400_000;
const at = (iso: string) => Date.parse(iso);
const created = (cardId: string, stage: string, when: string): FlowEvent => ({
	cardId,
	kind: 'created',
	at: at(when),
	data: { stage }
});
const moved = (cardId: string, from: string, to: string, when: string): FlowEvent => ({
	cardId,
	kind: 'moved',
	at: at(when),
	data: { from, to }
});
const verdict = (cardId: string, v: string, when: string): FlowEvent => ({
	cardId,
	kind: 'outcome',
	at: at(when),
	data: { verdict: v }
});
const card = (id: string, archived = false): FlowCard => ({ id, boardId: 'b1', title: `Card ${id}`, archived });
const november = (zone = 'UTC', stuck = '14') =>
	parseFlowPeriod({ from: '2026-11-01', to: '2026-11-30', stuck }, at('2026-12-06T12:00:00Z'), zone);

/** A: ideas → review → objective → … → outcome over November; B moves back from scope to objective. */
const log: FlowEvent[] = [
	created('A', 'ideas', '2026-11-02T09:00:00Z'),
	moved('A', 'ideas', 'review', '2026-11-04T09:00:00Z'),
	moved('A', 'review', 'objective', '2026-11-06T09:00:00Z'),
	moved('A', 'objective', 'scope', '2026-11-10T09:00:00Z'),
	moved('A', 'scope', 'rollout', '2026-11-12T09:00:00Z'),
	moved('A', 'rollout', 'outcome', '2026-11-24T09:00:00Z'),
	verdict('A', 'generalised', '2026-11-24T10:00:00Z'),
	created('B', 'review', '2026-10-20T09:00:00Z'),
	moved('B', 'review', 'objective', '2026-11-01T09:00:00Z'),
	moved('B', 'objective', 'scope', '2026-11-03T09:00:00Z'),
	moved('B', 'scope', 'objective', '2026-11-05T09:00:00Z')
];

describe('computeFlowMetrics', () => {
	const metrics = computeFlowMetrics(log, [card('A'), card('B')], november(), at('2026-12-06T12:00:00Z'));

	it('counts the cards in each stage at each day’s end (the cumulative flow)', () => {
		expect(metrics.cumulative).toHaveLength(30);
		expect(metrics.cumulative[0]).toEqual({
			date: '2026-11-01',
			counts: { ideas: 0, review: 0, objective: 1, scope: 0, rollout: 0, outcome: 0 }
		});
		const day = (date: string) => metrics.cumulative.find((d) => d.date === date)?.counts;
		expect(day('2026-11-03')).toMatchObject({ ideas: 1, scope: 1 });
		expect(day('2026-11-05')).toMatchObject({ review: 1, objective: 1, scope: 0 }); // B moved back
		expect(day('2026-11-30')).toMatchObject({ objective: 1, outcome: 1 });
	});

	it('measures time in stage, a card moving back counting each stint', () => {
		const objective = metrics.timeInStage.find((s) => s.stage === 'objective');
		// A: 4 days; B: 2 days (Nov 1 → 3). B's second stint in Objective has not ended.
		expect(objective).toEqual({ stage: 'objective', count: 2, median: 3, p85: 3.7 });
		expect(metrics.timeInStage.find((s) => s.stage === 'scope')).toMatchObject({ count: 2, median: 2 });
		expect(metrics.timeInStage.map((s) => s.stage)).not.toContain('outcome');
	});

	it('measures the cycle time from Review to Outcome', () => {
		expect(metrics.cycleTime).toEqual({ count: 1, median: 20, p85: 20 });
	});

	it('counts the throughput per week and the outcome verdicts', () => {
		expect(metrics.throughput.map((w) => w.week)).toEqual([
			'2026-10-26',
			'2026-11-02',
			'2026-11-09',
			'2026-11-16',
			'2026-11-23',
			'2026-11-30'
		]);
		expect(metrics.throughput.find((w) => w.week === '2026-11-23')?.count).toBe(1);
		expect(metrics.outcomes).toEqual({ total: 1, counts: { generalised: 1, adjusted: 0, abandoned: 0 } });
	});

	it('finds the cards stuck longer than N days, as of the period’s end', () => {
		// B sits in Objective since Nov 5: 25 days at the end of November.
		expect(metrics.stuck).toEqual([
			{
				cardId: 'B',
				boardId: 'b1',
				title: 'Card B',
				stage: 'objective',
				days: (at('2026-12-01') - at('2026-11-05T09:00:00Z')) / DAY
			}
		]);
		const strict = computeFlowMetrics(log, [card('A'), card('B')], november('UTC', '30'), at('2026-12-06'));
		expect(strict.stuck).toEqual([]);
		expect(computeFlowMetrics(log, [card('A'), card('B', true)], november(), at('2026-12-06')).stuck).toEqual([]);
	});

	it('ignores cards the projection does not know (deleted) and repeated arrivals in the same stage', () => {
		const noisy = [
			...log,
			created('A', 'ideas', '2026-11-02T09:00:01Z'),
			created('Z', 'review', '2026-11-02T09:00:00Z')
		];
		const again = computeFlowMetrics(noisy, [card('A'), card('B')], november(), at('2026-12-06'));
		expect(again.cumulative).toEqual(metrics.cumulative);
		expect(again.timeInStage).toEqual(metrics.timeInStage);
	});

	it('counts a card that left Outcome and came back once per week, with its last verdict', () => {
		const back = [
			...log,
			moved('A', 'outcome', 'rollout', '2026-11-25T09:00:00Z'),
			moved('A', 'rollout', 'outcome', '2026-11-26T09:00:00Z'),
			verdict('A', 'adjusted', '2026-11-26T10:00:00Z')
		];
		const result = computeFlowMetrics(back, [card('A'), card('B')], november(), at('2026-12-06'));
		expect(result.throughput.find((w) => w.week === '2026-11-23')?.count).toBe(1);
		expect(result.outcomes.counts).toEqual({ generalised: 0, adjusted: 1, abandoned: 0 });
		expect(result.cycleTime.median).toBe(22);
	});
});

describe('time zones', () => {
	// Sunday 29 November 23:30 UTC is Monday 30 November 00:30 in Paris.
	const lateSunday: FlowEvent[] = [
		created('C', 'rollout', '2026-11-20T09:00:00Z'),
		moved('C', 'rollout', 'outcome', '2026-11-29T23:30:00Z')
	];
	const weekOf = (zone: string) =>
		computeFlowMetrics(lateSunday, [card('C')], november(zone), at('2026-12-06')).throughput.find((w) => w.count === 1)
			?.week;

	it('puts a move in the week of the board’s wall clock', () => {
		expect(weekOf('UTC')).toBe('2026-11-23');
		expect(weekOf('Europe/Paris')).toBe('2026-11-30');
	});

	it('ends each day of the cumulative flow at local midnight', () => {
		const paris = computeFlowMetrics(lateSunday, [card('C')], november('Europe/Paris'), at('2026-12-06'));
		const utc = computeFlowMetrics(lateSunday, [card('C')], november('UTC'), at('2026-12-06'));
		const sunday = (m: typeof paris) => m.cumulative.find((d) => d.date === '2026-11-29')?.counts;
		expect(sunday(utc)).toMatchObject({ rollout: 0, outcome: 1 });
		expect(sunday(paris)).toMatchObject({ rollout: 1, outcome: 0 });
	});

	it('takes an event at the period’s first local midnight as inside it', () => {
		const first: FlowEvent[] = [
			created('D', 'ideas', '2026-10-01T00:00:00Z'),
			moved('D', 'ideas', 'outcome', '2026-10-31T23:00:00Z')
		];
		const paris = computeFlowMetrics(first, [card('D')], november('Europe/Paris'), at('2026-12-06'));
		expect(paris.throughput[0]).toEqual({ week: '2026-10-26', count: 1 });
		const utc = computeFlowMetrics(first, [card('D')], november('UTC'), at('2026-12-06'));
		expect(utc.throughput.every((w) => w.count === 0)).toBe(true);
	});
});
