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

function show(value: number | null): string {
	if (value === null) return 'n/a';
	return Number.isFinite(value) ? String(round(value)) : 'failed';
}

function ratio(row: Row): string {
	if (row.ours === null || row.bare === null || row.bare === 0) return 'n/a';
	if (!Number.isFinite(row.ours) || !Number.isFinite(row.bare)) return '—';
	return `${round(row.ours / row.bare)}×`;
}

function met(row: Row): string {
	if (row.met === null) return '';
	return row.met ? 'yes' : '**no**';
}

export function toMarkdown(rows: Row[], info: RunInfo): string {
	const head =
		'| id | scenario | metric | ours | bare | ours / bare | goal | met? |\n|---|---|---|---|---|---|---|---|\n';
	const body = rows
		.map((r) => {
			const metric = r.unit ? `${r.metric} (${r.unit})` : r.metric;
			const note = r.note ? ` — ${r.note}` : '';
			return `| ${r.id} | ${r.scenario} | ${metric}${note} | ${show(r.ours)} | ${show(r.bare)} | ${ratio(r)} | ${r.goal} | ${met(r)} |`;
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
