import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Database as Schema } from './schema.ts';

export type Db = Kysely<Schema>;

/**
 * How long a write waits for another connection's lock. better-sqlite3 is synchronous: the wait
 * blocks the whole event loop (every board, every page), so the server waits briefly and fails;
 * the board store then backs off (see BoardStore) and the writers' clients re-send after reconnecting.
 */
export const BUSY_TIMEOUT_MS = 50;

/**
 * Opens the database named by DATABASE_URL. `file:path` (or a bare path) is SQLite, the embedded
 * default; `postgres://` is reserved for the Postgres dialect, which is not wired yet.
 */
export function openDatabase(url: string, busyTimeoutMs = BUSY_TIMEOUT_MS): Db {
	if (/^postgres(ql)?:/.test(url)) {
		throw new Error('DATABASE_URL: postgres:// is not supported yet; use file:path/to/db.sqlite');
	}
	const path = resolve(url.replace(/^file:(\/\/)?/, ''));
	mkdirSync(dirname(path), { recursive: true });
	const sqlite = new Database(path);
	// WAL: readers never block the writer. NORMAL sync is durable across process crashes (SIGKILL);
	// only an OS crash or power loss can drop the last commits.
	sqlite.pragma('journal_mode = WAL');
	sqlite.pragma('synchronous = NORMAL');
	sqlite.pragma('foreign_keys = ON');
	sqlite.pragma(`busy_timeout = ${busyTimeoutMs}`);
	return new Kysely<Schema>({ dialect: new SqliteDialect({ database: sqlite }) });
}
