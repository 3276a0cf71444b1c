/**
 * Reads a number typed by a person, whatever their habits: "12,5" and "12.5" are 12.5, and
 * "1 234,5", "1.234,5" or "1,234.5" are 1234.5. Returns null for anything that is not one finite
 * number (empty, letters, two decimal separators, "1e3"…).
 *
 * A lone separator is the decimal one — "1,234" is 1.234 — except in English, where a comma
 * followed by groups of exactly three digits is read as thousands ("1,234" → 1234).
 */
export function parseNumber(input: string, locale = 'fr'): number | null {
	// Spaces (ordinary, no-break, narrow no-break…) and apostrophes only ever group thousands.
	let text = input.replace(/[\s'’]/g, '').replace(/^\u2212/, '-');
	const sign = /^[+-]/.test(text) ? text.charAt(0) : '';
	text = text.slice(sign.length);
	if (!/^[\d.,]+$/.test(text) || !/\d/.test(text)) return null;

	const decimal = decimalSeparator(text, locale);
	const grouping = decimal === '.' ? ',' : '.';
	const [whole = '', fraction, extra] = text.split(decimal);
	if (extra !== undefined || (fraction !== undefined && !/^\d*$/.test(fraction))) return null;
	if (whole.includes(grouping) && !/^\d{1,3}([.,]\d{3})+$/.test(whole)) return null;

	const digits = whole.replaceAll(grouping, '') + (fraction === undefined ? '' : `.${fraction}`);
	if (!/^(\d+\.?\d*|\.\d+)$/.test(digits)) return null;
	const value = Number(sign + digits);
	return Number.isFinite(value) ? value : null;
}

/** Which of '.' and ',' separates the decimals in `text` (digits and separators only). */
function decimalSeparator(text: string, locale: string): '.' | ',' {
	const [dot, comma] = [text.lastIndexOf('.'), text.lastIndexOf(',')];
	if (dot >= 0 && comma >= 0) return dot > comma ? '.' : ',';
	const only = comma >= 0 ? ',' : '.';
	// Used more than once, a separator can only group thousands.
	if (text.indexOf(only) !== text.lastIndexOf(only)) return only === '.' ? ',' : '.';
	if (only === ',' && locale.startsWith('en') && /^\d{1,3},\d{3}$/.test(text)) return '.';
	return only;
}
