/**
 * RFC 4180 CSV with a UTF-8 byte-order mark (so spreadsheets open accents right) and CRLF lines.
 * A text cell that a spreadsheet would run as a formula (=, +, -, @, tab, CR) gets a leading
 * apostrophe: the export holds people's titles, and opening it must not run them.
 */
export function toCsv(headers: readonly string[], rows: readonly (readonly (string | number | null)[])[]): string {
	const lines = [headers, ...rows].map((row) => row.map(cell).join(','));
	return `\uFEFF${lines.join('\r\n')}\r\n`;
}

function cell(value: string | number | null): string {
	if (value === null) return '';
	if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
	const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
	return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}
