import { m } from '#lib/paraglide/messages.js';
import type { FlowMetrics } from '#lib/domain/flow/flow.ts';
import type { Portfolio, PortfolioLine } from '#lib/domain/flow/portfolio.ts';
import { OUTCOME_VERDICTS } from '#lib/domain/method/types.ts';
import { STAGES } from '#lib/domain/stages.ts';
import { outcomeLabel, stageLabel, statusLabel } from './labels.ts';

/**
 * Every figure of the metrics page as a table, in the reader's language: the page shows these
 * under each chart, and the CSV export writes the very same rows (so they never disagree).
 */

export const FIGURES = ['cumulative', 'time', 'throughput', 'outcomes', 'stuck', 'portfolio'] as const;
export type FigureId = (typeof FIGURES)[number];
export type Cell = string | number | null;

export interface Figure {
	id: FigureId;
	title: string;
	headers: string[];
	rows: Cell[][];
}

/** Days to one decimal: the tables' precision (a tenth of a day is about two and a half hours). */
export const days1 = (days: number | null): number | null => (days === null ? null : Math.round(days * 10) / 10);
const share = (part: number, whole: number): number | null =>
	whole === 0 ? null : Math.round((part / whole) * 1000) / 10;

export function flowFigures(metrics: FlowMetrics, stuckDays: number): Record<Exclude<FigureId, 'portfolio'>, Figure> {
	const { outcomes } = metrics;
	return {
		cumulative: {
			id: 'cumulative',
			title: m.flow_cfd_title(),
			headers: [m.flow_col_date(), ...STAGES.map((s) => stageLabel(s))],
			rows: metrics.cumulative.map((d) => [d.date, ...STAGES.map((s) => d.counts[s])])
		},
		time: {
			id: 'time',
			title: m.flow_time_title(),
			headers: [m.flow_col_stage(), m.flow_col_count(), m.flow_col_median(), m.flow_col_p85()],
			rows: [
				...metrics.timeInStage.map((s) => [stageLabel(s.stage), s.count, days1(s.median), days1(s.p85)]),
				[m.flow_cycle_row(), metrics.cycleTime.count, days1(metrics.cycleTime.median), days1(metrics.cycleTime.p85)]
			]
		},
		throughput: {
			id: 'throughput',
			title: m.flow_throughput_title(),
			headers: [m.flow_col_week(), m.flow_col_done()],
			rows: metrics.throughput.map((w) => [w.week, w.count])
		},
		outcomes: {
			id: 'outcomes',
			title: m.flow_outcomes_title(),
			headers: [m.flow_col_verdict(), m.flow_col_count(), m.flow_col_share()],
			rows: OUTCOME_VERDICTS.map((v) => [
				outcomeLabel(v),
				outcomes.counts[v],
				share(outcomes.counts[v], outcomes.total)
			])
		},
		stuck: {
			id: 'stuck',
			title: m.flow_stuck_title({ days: stuckDays }),
			headers: [m.flow_col_initiative(), m.flow_col_stage(), m.flow_col_days()],
			rows: metrics.stuck.map((s) => [s.title, stageLabel(s.stage), days1(s.days)])
		}
	};
}

export function portfolioFigure(portfolio: Portfolio): Figure {
	const line = (objective: string, l: PortfolioLine): Cell[] => [
		objective,
		l.title,
		stageLabel(l.stage),
		lineState(l),
		l.measured,
		l.target,
		l.unit,
		l.progress === null ? null : Math.round(l.progress * 1000) / 10,
		l.effect
	];
	return {
		id: 'portfolio',
		title: m.portfolio_title(),
		headers: [
			m.portfolio_col_objective(),
			m.flow_col_initiative(),
			m.flow_col_stage(),
			m.portfolio_col_status(),
			m.portfolio_col_measured(),
			m.portfolio_col_target(),
			m.portfolio_col_unit(),
			m.portfolio_col_progress(),
			m.portfolio_col_effect()
		],
		rows: [
			...portfolio.groups.flatMap((g) => g.lines.map((l) => line(g.objective.title, l))),
			...portfolio.unaligned.map((l) => line(m.portfolio_unaligned(), l))
		]
	};
}

/** A concluded initiative shows its verdict; a live one its status. */
export function lineState(line: PortfolioLine): string {
	if (line.verdict) return outcomeLabel(line.verdict);
	return line.status ? statusLabel(line.status) : '';
}
