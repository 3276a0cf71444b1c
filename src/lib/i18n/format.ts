import { m } from '#lib/paraglide/messages.js';
import { getLocale } from '#lib/paraglide/runtime.js';

// "de" or "que" before a word that starts with a vowel (names and stages come in as variables).
const BEFORE_VOWEL = /(^|[\s(«“‘'’])(de|que|De|Que) (?=[aeiouyàâäéèêëîïôöùûüœæAEIOUYÀÂÄÉÈÊËÎÏÔÖÙÛÜŒÆ])/g;

/**
 * French elision in a finished message: "de Épicerie" → "d’Épicerie", "de Idées" → "d’Idées". The
 * messages' own words are already right; this fixes where a variable (a company, a stage, a name)
 * starts with a vowel. Other languages pass through.
 */
export function elide(text: string, locale: string = getLocale()): string {
	if (locale !== 'fr') return text;
	return text.replace(BEFORE_VOWEL, (_, before: string, word: string) => `${before}${word.slice(0, -1)}’`);
}

// Building a number format costs far more than using one, and a long table formats thousands of
// cells (the portfolio of a big board): one per locale and style, kept.
const numberFormats = new Map<string, Intl.NumberFormat>();
function numberFormat(locale: string, style: 'amount' | 'percent'): Intl.NumberFormat {
	const key = `${locale}|${style}`;
	let format = numberFormats.get(key);
	if (!format) {
		format = new Intl.NumberFormat(
			locale,
			style === 'amount' ? { maximumFractionDigits: 6 } : { style: 'percent', maximumFractionDigits: 0 }
		);
		numberFormats.set(key, format);
	}
	return format;
}

/** A measured value as people write it in `locale`, with the objective's unit when there is one. */
export function formatAmount(value: number, unit: string | undefined, locale: string): string {
	const number = numberFormat(locale, 'amount').format(value);
	return unit ? m.checkin_amount({ value: number, unit }) : number;
}

/** A share (1 = 100 %) as a whole percentage in `locale`, e.g. "112 %". */
export function formatPercent(share: number, locale: string): string {
	return numberFormat(locale, 'percent').format(share);
}

/** A number to put back into a text field: no grouping, every digit, the locale's decimal sign ("12,5"). */
export function editableNumber(value: number, locale: string): string {
	return new Intl.NumberFormat(locale, { useGrouping: false, maximumFractionDigits: 20 }).format(value);
}
