import { m } from '#lib/paraglide/messages.js';
import { toDay } from '#lib/domain/method/dates.ts';
import type { OutcomeVerdict } from '#lib/domain/method/types.ts';
import { STAGES } from '#lib/domain/stages.ts';
import { atRiskReasons, type StandupSummary } from '#lib/domain/standup/record.ts';
import { attentionLabel, LABELS, outcomeLabel, stageLabel } from './labels.ts';

type Locale = StandupSummary['locale'];

/** A table of the summary: its heading, column names (the first column heads each row) and plain-text cells. */
export interface SummaryTable {
	id: string;
	heading: string;
	columns: string[];
	rows: string[][];
	/** Said instead of the table when it has no rows. */
	empty?: string;
	/** A closing row (e.g. the total), set apart in print. */
	footer?: string[];
}

/**
 * The summary of a closed stand-up in its own language, as plain text: the Markdown file and the
 * print page both render this, so they always say the same thing.
 */
export interface SummaryView {
	locale: Locale;
	title: string;
	facts: { label: string; value: string }[];
	tables: SummaryTable[];
}

/** A stored outcome verdict's name, or the code itself when it is not one the app knows. */
function verdictName(verdict: string, locale: Locale): string {
	return Object.hasOwn(LABELS.outcome, verdict) ? outcomeLabel(verdict as OutcomeVerdict, locale) : verdict;
}

/** "1 min 30 s", "45 s": short enough for a table cell in either language. */
export function formatSeconds(total: number, locale: Locale): string {
	const seconds = Math.max(0, Math.round(total));
	const minutes = Math.floor(seconds / 60);
	if (minutes === 0) return m.standup_summary_seconds({ seconds }, { locale });
	if (seconds % 60 === 0) return m.standup_summary_minutes({ minutes }, { locale });
	return m.standup_summary_minutes_seconds({ minutes, seconds: seconds % 60 }, { locale });
}

function instant(locale: Locale, timeZone: string, options: Intl.DateTimeFormatOptions) {
	const format = new Intl.DateTimeFormat(locale, { ...options, timeZone });
	return (ms: number) => format.format(ms);
}

/** A calendar date ('YYYY-MM-DD', no time zone) as people write it, or the raw text when it is not one. */
function calendarDate(date: string, locale: Locale): string {
	const day = toDay(date);
	return day === null ? date : instant(locale, 'UTC', { dateStyle: 'medium' })(day * 86_400_000);
}

export function summaryView(summary: StandupSummary): SummaryView {
	const { locale, timeZone } = summary;
	const o = { locale };
	const longDate = instant(locale, timeZone, { dateStyle: 'long' });
	const clock = instant(locale, timeZone, { timeStyle: 'short' });
	const total = STAGES.reduce((sum, stage) => sum + (summary.perStage[stage] ?? 0), 0);
	return {
		locale,
		title: m.standup_summary_title({ board: summary.boardName, date: longDate(summary.startedAt) }, o),
		facts: [
			{
				label: m.standup_summary_period({}, o),
				value: m.standup_summary_period_value({ from: longDate(summary.since), to: longDate(summary.startedAt) }, o)
			},
			{
				label: m.standup_summary_held({}, o),
				value: m.standup_summary_held_value(
					{ start: clock(summary.startedAt), end: clock(summary.endedAt), zone: timeZone },
					o
				)
			},
			{ label: m.standup_summary_facilitator({}, o), value: summary.facilitator },
			{
				label: m.standup_summary_attendees({}, o),
				value: summary.attendees.length ? summary.attendees.join(', ') : m.standup_summary_nobody({}, o)
			},
			{
				label: m.standup_summary_duration({}, o),
				value: formatSeconds((summary.endedAt - summary.startedAt) / 1000, locale)
			}
		],
		tables: [
			{
				id: 'reviewed',
				heading: m.standup_summary_reviewed({ count: summary.reviewed.length }, o),
				columns: [m.standup_summary_card({}, o), m.standup_summary_time({}, o)],
				rows: summary.reviewed.map((r) => [r.title, formatSeconds(r.seconds, locale)]),
				empty: m.standup_summary_reviewed_empty({}, o)
			},
			{
				id: 'stages',
				heading: m.standup_summary_per_stage({}, o),
				columns: [m.standup_summary_stage({}, o), m.standup_summary_count({}, o)],
				rows: STAGES.map((stage) => [stageLabel(stage, locale), String(summary.perStage[stage] ?? 0)]),
				footer: [m.standup_summary_total({}, o), String(total)]
			},
			{
				id: 'at-risk',
				heading: m.standup_summary_at_risk({ count: summary.atRisk.length }, o),
				// Every card listed says why it is there (an on-track card may have an open help request).
				columns: [m.standup_summary_initiative({}, o), m.standup_summary_why({}, o)],
				rows: summary.atRisk.map((r) => [
					r.title,
					atRiskReasons(r)
						.map((reason) => attentionLabel(reason, r.missed, locale))
						.join(' · ')
				]),
				empty: m.standup_summary_at_risk_empty({}, o)
			},
			{
				id: 'decisions',
				heading: m.standup_summary_decisions({ count: summary.decisions.length }, o),
				columns: [
					m.standup_summary_decision({}, o),
					m.standup_summary_card({}, o),
					m.standup_summary_owner({}, o),
					m.standup_summary_due({}, o)
				],
				rows: summary.decisions.map((d) => [
					d.text,
					d.title,
					d.owner ?? m.standup_summary_unassigned({}, o),
					d.due ? calendarDate(d.due, locale) : m.standup_summary_no_due({}, o)
				]),
				empty: m.standup_summary_decisions_empty({}, o)
			},
			{
				id: 'outcomes',
				heading: m.standup_summary_outcomes({ count: summary.outcomes.length }, o),
				columns: [m.standup_summary_initiative({}, o), m.standup_summary_verdict({}, o)],
				rows: summary.outcomes.map((r) => [r.title, verdictName(r.verdict, locale)]),
				empty: m.standup_summary_outcomes_empty({}, o)
			},
			{
				id: 'signals',
				heading: m.standup_summary_signals({}, o),
				columns: [m.standup_summary_source({}, o), m.standup_summary_signal_count({}, o)],
				rows: [
					[m.standup_summary_guests({}, o), String(summary.signals.guest)],
					[m.standup_summary_members({}, o), String(summary.signals.member)]
				]
			}
		]
	};
}
