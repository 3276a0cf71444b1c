import { customAlphabet } from 'nanoid';
import pg from 'pg';

/**
 * The integration suite's PostgreSQL mode: with PG_URL set (an admin connection, e.g.
 * postgres://postgres@127.0.0.1:5432/test), every server and runtime under test gets a fresh database
 * of its own on that server; pg-setup.ts drops this run's databases at the end.
 */
export const PG_URL = process.env.PG_URL || null;
export const onPostgres = PG_URL !== null;

const suffix = customAlphabet('abcdefghijklmnopqrstuvwxyz0123456789', 10);

/**
 * The prefix of this run's database names (lower case: PostgreSQL folds unquoted names), named by
 * pg-setup.ts through the environment: this module is also loaded by Playwright, which must not load vitest.
 */
export function runPrefix(): string {
	return process.env.BT_PG_RUN || `bt_${process.pid}`;
}

/** Creates an empty database on PG_URL's server and returns its postgres:// URL. */
export async function createTempPgDatabase(): Promise<string> {
	if (!PG_URL) throw new Error('PG_URL is not set');
	const name = `${runPrefix()}_${suffix()}`;
	await withAdmin(PG_URL, (admin) => admin.query(`CREATE DATABASE ${name}`));
	const url = new URL(PG_URL);
	url.pathname = `/${name}`;
	return url.toString();
}

export async function withAdmin<T>(url: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
	const admin = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
	await admin.connect();
	try {
		return await run(admin);
	} finally {
		await admin.end();
	}
}

/** DATABASE_URL for a test database: a SQLite file's path, or already a postgres:// URL. */
export function databaseUrlOf(location: string): string {
	return /^postgres(ql)?:\/\//.test(location) ? location : `file:${location}`;
}
