import { m } from '#lib/paraglide/messages.js';
import { toDay } from '#lib/domain/method/dates.ts';

export interface Choice {
	value: string;
	label: string;
}

/**
 * The choices of a select, plus the saved value when it is no longer one of them (a deleted
 * objective, a person who left): the select then shows it as such instead of silently showing
 * the empty choice.
 */
export function withCurrent(choices: Choice[], current: string | null | undefined, unknownLabel: string): Choice[] {
	if (!current || choices.some((choice) => choice.value === current)) return choices;
	return [...choices, { value: current, label: unknownLabel }];
}

/** A list item's text short enough to name a button after it ("Move “…” up"). */
export function shortName(text: string, max = 60): string {
	const trimmed = text.trim();
	return trimmed.length <= max ? trimmed : `${trimmed.slice(0, max - 1).trimEnd()}…`;
}

/** An objective's value with its unit, as written in `locale`: "12,5 %", "30 clients". */
export function formatValue(value: number, unit: string | undefined, locale: string): string {
	const label = unit?.trim() ?? '';
	// Intl places the percent sign the local way ("12 %" in French, "12%" in English).
	if (label === '%')
		return new Intl.NumberFormat(locale, { style: 'unit', unit: 'percent', maximumFractionDigits: 3 }).format(value);
	const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 3 }).format(value);
	return label ? m.objective_value_unit({ value: number, unit: label }) : number;
}

/** A calendar date written out in full in `locale`: "30 juin 2026", "June 30, 2026". */
export function formatLongDate(date: string, locale: string): string {
	const day = toDay(date);
	if (day === null) return date;
	return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(day * 86_400_000);
}
