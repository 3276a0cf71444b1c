import { m } from '#lib/paraglide/messages.js';
import { locales, type Locale } from '#lib/paraglide/runtime.js';
import { RESOURCE_UNITS } from '#lib/domain/method/types.ts';

type KnownUnit = (typeof RESOURCE_UNITS)[number];

/** The usual units are stored under a canonical name and shown in the reader's language. */
const LABELS: Record<KnownUnit, (inputs?: Record<string, never>, options?: { locale?: Locale }) => string> = {
	'hours/week': m.scope_unit_hours_week,
	days: m.scope_unit_days,
	'€': m.scope_unit_euros
};

const key = (unit: string) => unit.trim().toLocaleLowerCase('en');

function knownUnit(unit: string): KnownUnit | null {
	return RESOURCE_UNITS.find((known) => key(known) === key(unit)) ?? null;
}

/** The usual units in the reader's language, for the unit field's suggestions. */
export function unitChoices(): string[] {
	return RESOURCE_UNITS.map((unit) => LABELS[unit]());
}

/** How a stored unit reads: "hours/week" → "h/semaine"; any other unit as it was typed. */
export function unitLabel(unit: string): string {
	const known = knownUnit(unit);
	return known ? LABELS[known]() : unit.trim();
}

/** What to store for a typed unit: a usual unit in any language becomes its canonical name. */
export function canonicalUnit(text: string): string {
	const typed = key(text);
	const known = RESOURCE_UNITS.find(
		(unit) => key(unit) === typed || locales.some((locale) => key(LABELS[unit]({}, { locale })) === typed)
	);
	return known ?? text.trim();
}

/** An amount with its unit, as written in `locale`: "4 h/semaine", "1 jour", "1 500 €". */
export function formatAmount(amount: number, unit: string, locale: string): string {
	const known = knownUnit(unit);
	if (known === '€')
		return new Intl.NumberFormat(locale, {
			style: 'currency',
			currency: 'EUR',
			minimumFractionDigits: 0,
			maximumFractionDigits: 2
		}).format(amount);
	const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(amount);
	if (known === 'hours/week') return m.scope_amount_hours_week({ amount: number });
	if (known === 'days')
		return new Intl.PluralRules(locale).select(amount) === 'one'
			? m.scope_amount_day({ amount: number })
			: m.scope_amount_days({ amount: number });
	return m.scope_amount_unit({ amount: number, unit: unit.trim() });
}
