import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';

const INT8_OID = 20;

/**
 * Every column of the schema holds numbers well inside 2^53 (epoch milliseconds, sequence numbers,
 * counts), so int8 (bigint columns, count(*)) is read as a JS number as on SQLite, not pg's string.
 * Set on this pool's clients only, not on pg's global table.
 */
const types = {
	getTypeParser(oid: number, format?: 'text' | 'binary') {
		if (oid === INT8_OID && format !== 'binary') return (value: string) => Number(value);
		return pg.types.getTypeParser(oid, format);
	}
} as pg.CustomTypesConfig;

/** A pool of connections to `url` (postgres://user@host:port/name) behind Kysely's PostgresDialect. */
export function openPostgres<T>(url: string): Kysely<T> {
	// A server that does not answer fails a query after 5 s rather than holding a room's queue forever.
	const pool = new pg.Pool({ connectionString: url, types, max: 10, connectionTimeoutMillis: 5000 });
	// An idle client losing its server (a restart, a killed backend) must not crash the process;
	// the pool drops it and the next query opens a new one.
	pool.on('error', (error) => console.error(`[db] idle PostgreSQL connection: ${error.message}`));
	return new Kysely<T>({ dialect: new PostgresDialect({ pool }) });
}
