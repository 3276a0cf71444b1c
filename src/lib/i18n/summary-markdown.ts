import { m } from '#lib/paraglide/messages.js';
import type { StandupSummary } from '#lib/domain/standup/record.ts';
import { summaryView, type SummaryTable } from './summary-view.ts';

/**
 * Text typed by people, made inert in Markdown: every character that can open emphasis, code, a link,
 * raw HTML, an entity, a heading or a table cell is backslash-escaped (CommonMark allows it before any
 * ASCII punctuation), and line breaks become spaces so a value stays on its line or in its cell.
 * List markers (`-`, `1.`) are left alone: user text is never placed at the start of a line.
 */
export function escapeMarkdown(text: string): string {
	return text.replace(/\r\n?|\n/g, ' ').replace(/[\\`*_[\]<>#|~&]/g, (c) => `\\${c}`);
}

function row(cells: string[]): string {
	return `| ${cells.map(escapeMarkdown).join(' | ')} |`;
}

function table(t: SummaryTable): string[] {
	const heading = [`## ${escapeMarkdown(t.heading)}`, ''];
	if (t.rows.length === 0 && t.empty) return [...heading, escapeMarkdown(t.empty), ''];
	return [
		...heading,
		row(t.columns),
		`|${' --- |'.repeat(t.columns.length)}`,
		...t.rows.map(row),
		...(t.footer ? [row(t.footer)] : []),
		''
	];
}

/** The stand-up summary as a Markdown document, in the language the stand-up was held in. */
export function summaryMarkdown(summary: StandupSummary): string {
	const view = summaryView(summary);
	const locale = view.locale;
	const fact = (f: { label: string; value: string }) =>
		`- ${m.standup_summary_fact({ label: `**${escapeMarkdown(f.label)}**`, value: escapeMarkdown(f.value) }, { locale })}`;
	return [`# ${escapeMarkdown(view.title)}`, '', ...view.facts.map(fact), '', ...view.tables.flatMap(table)].join('\n');
}
