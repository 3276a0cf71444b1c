import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Database as Schema } from './schema.ts';

export type Db = Kysely<Schema>;

/**
 * Opens the database named by DATABASE_URL. `file:path` (or a bare path) is SQLite, the embedded
 * default; `postgres://` is reserved for the Postgres dialect, which is not wired yet.
 */
export function openDatabase(url: string): Db {
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
	sqlite.pragma('busy_timeout = 5000');
	return new Kysely<Schema>({ dialect: new SqliteDialect({ database: sqlite }) });
}
