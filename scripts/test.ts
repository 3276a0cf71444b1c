import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';

/**
 * `npm test`: every suite, each closing with a line `suite: N passed, N failed` (CI reads those),
 * exit code non-zero when anything failed. Steps: build, static checks, vitest (unit + integration,
 * against the built server), Playwright e2e in Chromium.
 */
const REPORTS = 'reports';
mkdirSync(REPORTS, { recursive: true });
const node = process.execPath;
let failedSuites = 0;

function run(args: string[], env: Record<string, string> = {}): boolean {
	console.log(`\n$ ${args.join(' ')}`);
	const result = spawnSync(node, args, { stdio: 'inherit', env: { ...process.env, ...env } });
	return result.status === 0;
}

function summary(suite: string, passed: number, failed: number, ok = true): void {
	const reallyFailed = failed > 0 || !ok ? Math.max(failed, 1) : 0;
	if (reallyFailed > 0) failedSuites += 1;
	console.log(`${suite}: ${passed} passed, ${reallyFailed} failed`);
}

if (!run(['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'])) {
	summary('build', 0, 1);
	process.exit(1);
}

const checks: [string, string[]][] = [
	[
		'svelte-check',
		['node_modules/svelte-check/bin/svelte-check', '--tsconfig', './tsconfig.json', '--fail-on-warnings']
	],
	// Kit's service worker has its own tsconfig (the root one must leave it out), so it is checked apart.
	['service-worker', ['node_modules/typescript/bin/tsc', '-p', 'src/service-worker/tsconfig.json']],
	['eslint', ['node_modules/eslint/bin/eslint.js', '.']],
	['prettier', ['node_modules/prettier/bin/prettier.cjs', '--check', '--log-level', 'warn', '.']]
];
const checkResults = checks.map(([, args]) => run(args));
summary('static', checkResults.filter(Boolean).length, checkResults.filter((r) => !r).length);

const vitestOk = run([
	'node_modules/vitest/vitest.mjs',
	'run',
	'--reporter=default',
	'--reporter=json',
	`--outputFile.json=${REPORTS}/vitest.json`
]);
const vitest = readJson<{ testResults?: { name: string; assertionResults: { status: string }[] }[] }>(
	`${REPORTS}/vitest.json`
);
for (const [suite, folder] of [
	['unit', '/src/'],
	['integration', '/tests/integration/']
] as const) {
	const results = (vitest?.testResults ?? []).filter((f) => f.name.includes(folder)).flatMap((f) => f.assertionResults);
	const passed = results.filter((r) => r.status === 'passed').length;
	summary(suite, passed, results.filter((r) => r.status === 'failed').length, vitestOk || passed > 0);
}

const e2eOk = run(['node_modules/@playwright/test/cli.js', 'test'], {
	PLAYWRIGHT_JSON_OUTPUT_NAME: `${REPORTS}/e2e.json`
});
const e2e = readJson<{ stats?: { expected: number; unexpected: number; flaky: number } }>(`${REPORTS}/e2e.json`);
summary('e2e', (e2e?.stats?.expected ?? 0) + (e2e?.stats?.flaky ?? 0), e2e?.stats?.unexpected ?? 0, e2eOk);

process.exit(failedSuites > 0 ? 1 : 0);

function readJson<T>(path: string): T | null {
	try {
		return JSON.parse(readFileSync(path, 'utf8')) as T;
	} catch {
		return null;
	}
}
