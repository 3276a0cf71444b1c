import { OUTCOME_VERDICTS, type IsoDate, type OutcomeVerdict } from '../method/types.ts';
import { STAGES, stageIndex, type Stage } from '../stages.ts';
import type { FlowPeriod } from './period.ts';
import { DAY_MS, spreadOf, type Spread } from './stats.ts';
import { buildHistories, stintAt, type CardHistory, type FlowEvent } from './timeline.ts';
import { addDays, datesBetween, midnightIn, mondayOf } from './zone.ts';

/** A card as the projection knows it (card rows): only these cards are counted. */
export interface FlowCard {
	id: string;
	boardId: string;
	title: string;
	archived: boolean;
}

export type StageCounts = Record<Stage, number>;

export interface FlowMetrics {
	/** Per local day: how many cards sat in each stage at the day's end (stacked, this is the CFD). */
	cumulative: { date: IsoDate; counts: StageCounts }[];
	/** Days spent in each stage, over the stints that ended within the period (Outcome never ends). */
	timeInStage: ({ stage: Stage } & Spread)[];
	/** Days from first entering Review (or a later stage) to reaching Outcome, for cards that got there in the period. */
	cycleTime: Spread;
	/** Cards that reached Outcome, per local week (Monday first) overlapping the period. */
	throughput: { week: IsoDate; count: number }[];
	/** The last verdict recorded in the period, per card. */
	outcomes: { total: number; counts: Record<OutcomeVerdict, number> };
	/** Live cards in one stage (other than Outcome) for more than `stuckDays`, longest first. */
	stuck: { cardId: string; boardId: string; title: string; stage: Stage; days: number }[];
}

/** Every flow figure of the period, from the log alone. `now` caps "stuck" when the period runs to today. */
export function computeFlowMetrics(
	events: readonly FlowEvent[],
	cards: readonly FlowCard[],
	period: FlowPeriod,
	now: number
): FlowMetrics {
	const known = new Map(cards.map((c) => [c.id, c]));
	const histories = [...buildHistories(events.filter((e) => known.has(e.cardId))).values()];
	return {
		cumulative: cumulativeFlow(histories, period),
		timeInStage: timeInStage(histories, period),
		cycleTime: cycleTime(histories, period),
		throughput: throughput(histories, period),
		outcomes: outcomeRate(histories, period),
		stuck: stuckCards(histories, known, period, Math.min(now, period.end))
	};
}

const zeroCounts = (): StageCounts => ({ ideas: 0, review: 0, objective: 0, scope: 0, rollout: 0, outcome: 0 });
const within = (at: number, period: FlowPeriod) => at >= period.start && at < period.end;

/** A difference array per stage over the days' end instants: O(stints · log days), not stints × days. */
export function cumulativeFlow(histories: readonly CardHistory[], period: FlowPeriod): FlowMetrics['cumulative'] {
	const dates = datesBetween(period.fromDate, period.toDate);
	const ends = dates.map((date) => midnightIn(addDays(date, 1), period.timeZone));
	const diff = new Map(STAGES.map((s) => [s, new Array<number>(dates.length + 1).fill(0)]));
	for (const history of histories)
		for (const stint of history.stints) {
			const first = firstEndAfter(ends, stint.from);
			const last = stint.to === null ? ends.length : firstEndAfter(ends, stint.to);
			if (first >= last) continue;
			const row = diff.get(stint.stage)!;
			row[first]! += 1;
			row[last]! -= 1;
		}
	const running = zeroCounts();
	return dates.map((date, i) => {
		for (const stage of STAGES) running[stage] += diff.get(stage)![i]!;
		return { date, counts: { ...running } };
	});
}

/** Index of the first day whose end instant is after `at` (binary search). */
function firstEndAfter(ends: readonly number[], at: number): number {
	let low = 0;
	let high = ends.length;
	while (low < high) {
		const mid = (low + high) >> 1;
		if (ends[mid]! > at) high = mid;
		else low = mid + 1;
	}
	return low;
}

function timeInStage(histories: readonly CardHistory[], period: FlowPeriod): FlowMetrics['timeInStage'] {
	const days = new Map<Stage, number[]>(STAGES.map((s) => [s, []]));
	for (const history of histories)
		for (const stint of history.stints)
			if (stint.to !== null && within(stint.to, period)) days.get(stint.stage)!.push((stint.to - stint.from) / DAY_MS);
	return STAGES.filter((s) => s !== 'outcome').map((stage) => ({ stage, ...spreadOf(days.get(stage)!) }));
}

/** The last arrival in Outcome within the period, per card. */
function arrival(history: CardHistory, period: FlowPeriod): number | null {
	let last: number | null = null;
	for (const stint of history.stints) if (stint.stage === 'outcome' && within(stint.from, period)) last = stint.from;
	return last;
}

function cycleTime(histories: readonly CardHistory[], period: FlowPeriod): Spread {
	const review = stageIndex('review');
	const days: number[] = [];
	for (const history of histories) {
		const done = arrival(history, period);
		const started = history.stints.find((s) => stageIndex(s.stage) >= review && s.stage !== 'outcome');
		if (done !== null && started && started.from < done) days.push((done - started.from) / DAY_MS);
	}
	return spreadOf(days);
}

/** Weeks are found by binary search over their local-midnight starts (formatting every move's date is slow). */
function throughput(histories: readonly CardHistory[], period: FlowPeriod): FlowMetrics['throughput'] {
	const weeks: IsoDate[] = [];
	for (let week = mondayOf(period.fromDate); week <= period.toDate; week = addDays(week, 7)) weeks.push(week);
	const ends = weeks.map((week) => midnightIn(addDays(week, 7), period.timeZone));
	const done = weeks.map(() => new Set<string>());
	for (const history of histories)
		for (const stint of history.stints)
			if (stint.stage === 'outcome' && within(stint.from, period))
				done[firstEndAfter(ends, stint.from)]?.add(history.cardId);
	return weeks.map((week, i) => ({ week, count: done[i]!.size }));
}

function outcomeRate(histories: readonly CardHistory[], period: FlowPeriod): FlowMetrics['outcomes'] {
	const counts = Object.fromEntries(OUTCOME_VERDICTS.map((v) => [v, 0])) as Record<OutcomeVerdict, number>;
	let total = 0;
	for (const history of histories) {
		const last = history.verdicts.filter((v) => within(v.at, period)).at(-1);
		if (!last) continue;
		counts[last.verdict] += 1;
		total += 1;
	}
	return { total, counts };
}

function stuckCards(
	histories: readonly CardHistory[],
	cards: ReadonlyMap<string, FlowCard>,
	period: FlowPeriod,
	asOf: number
): FlowMetrics['stuck'] {
	const stuck: FlowMetrics['stuck'] = [];
	for (const history of histories) {
		const card = cards.get(history.cardId);
		const stint = stintAt(history, asOf - 1);
		if (!card || card.archived || !stint || stint.stage === 'outcome') continue;
		const days = (asOf - stint.from) / DAY_MS;
		if (days > period.stuckDays)
			stuck.push({ cardId: card.id, boardId: card.boardId, title: card.title, stage: stint.stage, days });
	}
	return stuck.sort((a, b) => b.days - a.days || a.title.localeCompare(b.title, 'fr'));
}
