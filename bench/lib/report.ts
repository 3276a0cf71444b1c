import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { round } from './stats.ts';
import type { Row } from './scenario.ts';

export interface RunInfo {
	startedAt: string;
	seconds: number;
	scale: number;
	only: string[];
	node: string;
	cpus: number;
	loadavg: number[];
}

function show(value: number | null | undefined): string {
	if (value === null || value === undefined) return 'n/a';
	return Number.isFinite(value) ? String(round(value)) : 'failed';
}

/** Ours divided by another server's figure. */
function ratio(ours: number | null, other: number | null | undefined): string {
	if (ours === null || other === null || other === undefined || other === 0) return 'n/a';
	if (!Number.isFinite(ours) || !Number.isFinite(other)) return '—';
	return `${round(ours / other)}×`;
}

function met(row: Row): string {
	if (row.met === null) return '';
	return row.met ? 'yes' : '**no**';
}

export function toMarkdown(rows: Row[], info: RunInfo): string {
	const head =
		'| id | scenario | metric | ours | bare | Hocuspocus | Hocuspocus, debounce 0 | ours / bare | ours / Hocuspocus | ours / Hocuspocus 0 | goal | met? |\n' +
		'|---|---|---|---|---|---|---|---|---|---|---|---|\n';
	const body = rows
		.map((r) => {
			const metric = r.unit ? `${r.metric} (${r.unit})` : r.metric;
			const note = r.note ? ` — ${r.note}` : '';
			const figures = [r.ours, r.bare, r.hocuspocus, r.hocuspocus0].map(show).join(' | ');
			const ratios = [r.bare, r.hocuspocus, r.hocuspocus0].map((other) => ratio(r.ours, other)).join(' | ');
			return `| ${r.id} | ${r.scenario} | ${metric}${note} | ${figures} | ${ratios} | ${r.goal} | ${met(r)} |`;
		})
		.join('\n');
	const load = info.loadavg.map((l) => l.toFixed(2)).join(' ');
	return (
		`Bench run ${info.startedAt}: scale ${info.scale}, ${info.only.join(',')}, ${info.seconds.toFixed(0)} s, ` +
		`Node ${info.node}, ${info.cpus} CPUs, load average at the end ${load}.\n\n${head}${body}\n`
	);
}

export function writeResults(dir: string, rows: Row[], info: RunInfo): string {
	mkdirSync(dir, { recursive: true });
	const markdown = toMarkdown(rows, info);
	writeFileSync(join(dir, 'latest.json'), JSON.stringify({ ...info, rows }, null, '\t') + '\n');
	writeFileSync(join(dir, 'latest.md'), markdown);
	return markdown;
}
