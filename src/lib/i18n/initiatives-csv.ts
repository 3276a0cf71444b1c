import Papa from 'papaparse';
import { m } from '#lib/paraglide/messages.js';
import type { OutcomeVerdict, Status } from '#lib/domain/method/types.ts';
import type { Stage } from '#lib/domain/stages.ts';
import { outcomeLabel, stageLabel, statusLabel, type Locale } from './labels.ts';

/** One initiative as the spreadsheet shows it (names already resolved, numbers raw). */
export interface InitiativeRow {
	title: string;
	stage: Stage;
	owner: string;
	team: string;
	metric: string;
	baseline: number | null;
	target: number | null;
	latest: number | null;
	/** null: concluded (an outcome is recorded), so no live status. */
	status: Status | null;
	outcome: OutcomeVerdict | null;
}

/** Text a spreadsheet would run as a formula gets a leading quote; a negative number stays a number. */
const FORMULA = /^[=+@\t\r]|^-(?![\d.,]+$)/;

/**
 * The initiatives as CSV that LibreOffice and Excel open without an import dialog: a UTF-8 BOM (so
 * accents survive Excel), and the conventions of the reader's language — in French `;` between
 * fields and a decimal comma (Excel in a French locale splits on `;`), in English `,` and a point.
 * Fields are quoted when they hold the separator, a quote or a line break (RFC 4180).
 */
export function initiativesCsv(rows: readonly InitiativeRow[], locale: Locale): string {
	const o = { locale };
	const french = locale === 'fr';
	const number = (n: number | null) => (n === null ? '' : french ? String(n).replace('.', ',') : String(n));
	const header = [
		m.csv_title({}, o),
		m.csv_stage({}, o),
		m.csv_owner({}, o),
		m.csv_team({}, o),
		m.csv_objective({}, o),
		m.csv_baseline({}, o),
		m.csv_target({}, o),
		m.csv_latest({}, o),
		m.csv_status({}, o),
		m.csv_outcome({}, o)
	];
	const data = rows.map((r) => [
		r.title,
		stageLabel(r.stage, locale),
		r.owner,
		r.team,
		r.metric,
		number(r.baseline),
		number(r.target),
		number(r.latest),
		r.status ? statusLabel(r.status, locale) : m.status_concluded({}, o),
		r.outcome ? outcomeLabel(r.outcome, locale) : ''
	]);
	const csv = Papa.unparse([header, ...data], {
		delimiter: french ? ';' : ',',
		newline: '\r\n',
		escapeFormulae: FORMULA
	});
	return `\uFEFF${csv}\r\n`;
}
