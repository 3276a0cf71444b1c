import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { writeResults } from './lib/report.ts';
import type { Context, Row, Scenario } from './lib/scenario.ts';
import { KINDS } from './lib/targets.ts';
import { SCENARIOS } from './scenarios/index.ts';

/**
 * `npm run bench`: runs the scenarios against our production server, the bare relay and Hocuspocus
 * (SQLite extension; default debounce and `debounce: 0`, from bench/peers/hocuspocus, installed on
 * first use), writes bench/results/latest.{json,md} and prints the table. Flags (or env): --only=P1,P3
 * (BENCH_ONLY), --scale=0.1 (BENCH_SCALE), --skip-hocuspocus (BENCH_SKIP_HOCUSPOCUS=1), --cpu-prof
 * (BENCH_CPU_PROF=1: profiles our server into a temp dir, printed).
 */
const { values } = parseArgs({
	options: {
		only: { type: 'string', default: process.env.BENCH_ONLY ?? '' },
		scale: { type: 'string', default: process.env.BENCH_SCALE ?? '1' },
		'cpu-prof': { type: 'boolean', default: process.env.BENCH_CPU_PROF === '1' },
		'skip-hocuspocus': { type: 'boolean', default: process.env.BENCH_SKIP_HOCUSPOCUS === '1' },
		out: { type: 'string', default: join(import.meta.dirname, 'results') }
	}
});

const root = join(import.meta.dirname, '..');
process.chdir(root); // the server and its build are found from the project root
if (!existsSync('build/handler.js')) {
	console.log('No build found: building Bouture…');
	const built = spawnSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'], {
		stdio: 'inherit'
	});
	if (built.status !== 0) process.exit(built.status ?? 1);
}

const only = values.only ? values.only.toUpperCase().split(',') : SCENARIOS.map((s) => s.id);
const scale = Number(values.scale);
if (!(scale > 0)) throw new Error(`--scale must be a positive number, got ${values.scale}`);
const profiles = join(tmpdir(), `bouture-bench-profiles-${Date.now()}`); // kept out of the repository
const context: Context = {
	scale,
	kinds: KINDS.filter((kind) => !values['skip-hocuspocus'] || !kind.startsWith('hocuspocus')),
	oursProcess: { nodeFlags: values['cpu-prof'] ? ['--cpu-prof', `--cpu-prof-dir=${profiles}`] : [] },
	shared: new Map(),
	log: (message) => console.log(`  ${new Date().toISOString().slice(11, 19)} ${message}`)
};

const started = Date.now();
const rows: Row[] = [];
const selected: Scenario[] = SCENARIOS.filter((s) => only.includes(s.id));
for (const scenario of selected) {
	console.log(`${scenario.id}: ${scenario.title}`);
	const t = Date.now();
	try {
		rows.push(...(await scenario.run(context)));
	} catch (error) {
		console.error(error);
		rows.push({
			id: scenario.id,
			scenario: scenario.title,
			metric: 'failed',
			unit: '',
			ours: null,
			bare: null,
			goal: '',
			met: false,
			note: String(error instanceof Error ? error.message : error).split('\n')[0]
		});
	}
	console.log(`  (${((Date.now() - t) / 1000).toFixed(0)} s)`);
}

const markdown = writeResults(values.out, rows, {
	startedAt: new Date(started).toISOString(),
	seconds: (Date.now() - started) / 1000,
	scale,
	only: selected.map((s) => s.id),
	node: process.version,
	cpus: cpus().length,
	loadavg: loadavg()
});
console.log(`\n${markdown}\nWritten to ${join(values.out, 'latest.md')} and latest.json`);
if (values['cpu-prof']) console.log(`CPU profiles of our server: ${profiles}`);
process.exit(0);
