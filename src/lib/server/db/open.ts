import Database from 'better-sqlite3';
import { Kysely, PostgresAdapter, SqliteDialect } from 'kysely';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { openPostgres } from './postgres.ts';
import { keepingStatements } from './statement-cache.ts';
import type { Database as Schema } from './schema.ts';

export type Db = Kysely<Schema>;

/**
 * How long a SQLite write waits for another connection's lock. better-sqlite3 is synchronous: the wait
 * blocks the whole event loop (every board, every page), so the server waits briefly and fails;
 * the board store then backs off (see BoardStore) and the writers' clients re-send after reconnecting.
 */
export const BUSY_TIMEOUT_MS = 50;

export function isPostgresUrl(url: string): boolean {
	return /^postgres(ql)?:\/\//.test(url);
}

/** Whether `db` talks to PostgreSQL (its waits are asynchronous) rather than to the embedded SQLite. */
export function isPostgres(db: Db): boolean {
	return db.getExecutor().adapter instanceof PostgresAdapter;
}

/**
 * A transaction whose reads all see one snapshot: `repeatable read` on PostgreSQL, whose default
 * (read committed) lets each statement see the commits made since the previous one. SQLite's
 * transactions see one snapshot already.
 */
export function snapshotTransaction(db: Db) {
	return isPostgres(db) ? db.transaction().setIsolationLevel('repeatable read') : db.transaction();
}

/**
 * Opens the database named by DATABASE_URL: `file:path` (or a bare path) is SQLite, the embedded
 * default; `postgres://user@host:port/name` is PostgreSQL. `busyTimeoutMs` is SQLite's only.
 */
export function openDatabase(url: string, busyTimeoutMs = BUSY_TIMEOUT_MS): Db {
	if (isPostgresUrl(url)) return openPostgres<Schema>(url);
	const path = resolve(url.replace(/^file:(\/\/)?/, ''));
	mkdirSync(dirname(path), { recursive: true });
	const sqlite = new Database(path);
	// WAL: readers never block the writer. NORMAL sync is durable across process crashes (SIGKILL);
	// only an OS crash or power loss can drop the last commits.
	sqlite.pragma('journal_mode = WAL');
	sqlite.pragma('synchronous = NORMAL');
	sqlite.pragma('foreign_keys = ON');
	sqlite.pragma(`busy_timeout = ${busyTimeoutMs}`);
	return new Kysely<Schema>({ dialect: new SqliteDialect({ database: keepingStatements(sqlite) }) });
}
