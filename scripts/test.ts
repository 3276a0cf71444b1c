import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { Redis } from 'ioredis';
import pg from 'pg';

/**
 * `npm test`: every suite, each closing with a line `suite: N passed, N failed` (CI reads those),
 * exit code non-zero when anything failed. Steps: build, static checks, vitest (unit + integration,
 * against the built server), the integration suite again on PostgreSQL when it answers (PG_URL, or the
 * local test server), Playwright e2e in Chromium.
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

const vitestOk = runVitest(['--project', 'unit', '--project', 'integration'], `${REPORTS}/vitest.json`, { PG_URL: '' }); // SQLite, whatever the shell says
for (const [suite, folder] of [
	['unit', '/src/'],
	['integration', '/tests/integration/']
] as const) {
	vitestSummary(suite, `${REPORTS}/vitest.json`, folder, vitestOk);
}

// The integration suite once more on PostgreSQL (each server under test gets a database of its own there),
// when that server answers; CI's machines always have it (scripts/services.sh).
const pgUrl = process.env.PG_URL || 'postgres://postgres@127.0.0.1:5432/test';
const pgDown = await whyUnreachable(pgUrl);
if (pgDown) {
	console.log(`\nintegration-postgres: skipped, PostgreSQL at ${hostOf(pgUrl)} is unreachable (${pgDown})`);
} else {
	const ok = runVitest(['--project', 'integration'], `${REPORTS}/vitest-postgres.json`, { PG_URL: pgUrl });
	vitestSummary('integration-postgres', `${REPORTS}/vitest-postgres.json`, '/tests/integration/', ok);
}

// Several server processes sharing PostgreSQL and Redis (issue 16), when both answer.
const redisUrl = process.env.REDIS_URL || 'redis://127.0.0.1:6379';
const clusterDown = pgDown ?? (await redisUnreachable(redisUrl));
if (clusterDown) {
	console.log(`\ncluster: skipped, PostgreSQL or Redis is unreachable (${clusterDown})`);
} else {
	const ok = runVitest(['--project', 'cluster'], `${REPORTS}/vitest-cluster.json`, {
		PG_URL: pgUrl,
		REDIS_URL: redisUrl
	});
	vitestSummary('cluster', `${REPORTS}/vitest-cluster.json`, '/tests/cluster/', ok);
}

// The e2e of two processes (tests/e2e/cluster.spec.ts) runs when PostgreSQL and Redis answer; the rest stays on SQLite.
const e2eOk = run(['node_modules/@playwright/test/cli.js', 'test'], {
	PLAYWRIGHT_JSON_OUTPUT_NAME: `${REPORTS}/e2e.json`,
	...(clusterDown ? {} : { E2E_CLUSTER_PG_URL: pgUrl, E2E_CLUSTER_REDIS_URL: redisUrl })
});
const e2e = readJson<{ stats?: { expected: number; unexpected: number; flaky: number } }>(`${REPORTS}/e2e.json`);
summary('e2e', (e2e?.stats?.expected ?? 0) + (e2e?.stats?.flaky ?? 0), e2e?.stats?.unexpected ?? 0, e2eOk);

process.exit(failedSuites > 0 ? 1 : 0);

function runVitest(args: string[], report: string, env: Record<string, string> = {}): boolean {
	rmSync(report, { force: true }); // a run that crashes before writing must not count the last one's
	const reporters = ['--reporter=default', '--reporter=json', `--outputFile.json=${report}`];
	return run(['node_modules/vitest/vitest.mjs', 'run', ...args, ...reporters], env);
}

type VitestReport = { testResults?: { name: string; assertionResults: { status: string }[] }[] };

/** The closing line of one vitest suite: the tests of the files under `folder` in `report`. */
function vitestSummary(suite: string, report: string, folder: string, ok: boolean): void {
	const files = readJson<VitestReport>(report)?.testResults ?? [];
	const results = files.filter((f) => f.name.includes(folder)).flatMap((f) => f.assertionResults);
	const passed = results.filter((r) => r.status === 'passed').length;
	summary(suite, passed, results.filter((r) => r.status === 'failed').length, ok || passed > 0);
}

/** Null when PostgreSQL at `url` accepts a connection, else the reason in a few words. */
async function whyUnreachable(url: string): Promise<string | null> {
	const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
	try {
		await client.connect();
		await client.query('SELECT 1');
		return null;
	} catch (error) {
		// A refused connection is an AggregateError (IPv4 and IPv6 tried) with no message, only a code.
		const code = (error as { code?: unknown }).code;
		return (error instanceof Error && error.message) || (typeof code === 'string' ? code : String(error));
	} finally {
		await client.end().catch(() => undefined);
	}
}

/** Null when Redis at `url` answers PING, else the reason in a few words. */
async function redisUnreachable(url: string): Promise<string | null> {
	const probe = new Redis(url, { lazyConnect: true, retryStrategy: () => null, connectTimeout: 3000 });
	probe.on('error', () => undefined);
	try {
		await probe.connect();
		return (await probe.ping()) === 'PONG' ? null : 'no PONG';
	} catch (error) {
		return error instanceof Error ? error.message : String(error);
	} finally {
		probe.disconnect();
	}
}

/** host:port/database of a postgres:// URL, without its credentials. */
function hostOf(url: string): string {
	try {
		const u = new URL(url);
		return `${u.host}${u.pathname}`;
	} catch {
		return 'PG_URL (not a URL)';
	}
}

function readJson<T>(path: string): T | null {
	try {
		return JSON.parse(readFileSync(path, 'utf8')) as T;
	} catch {
		return null;
	}
}
