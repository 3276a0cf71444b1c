import type Database from 'better-sqlite3';
import type { SqliteDatabase, SqliteStatement } from 'kysely';

/** Distinct SQL texts kept prepared (a query's text holds no values, so the app makes a few dozen). */
const CAPACITY = 256;

/**
 * better-sqlite3 as Kysely sees it, with its prepared statements kept: Kysely prepares every query
 * anew, and preparing costs more than running the small queries of a board's writes (8 % of the
 * server's time under bench P2's 200 clients). The least recently used goes past CAPACITY; SQLite
 * prepares a kept statement again by itself after a migration changes the schema.
 */
export function keepingStatements(db: Database.Database): SqliteDatabase {
	const statements = new Map<string, SqliteStatement>();
	return {
		close() {
			statements.clear();
			db.close();
		},
		prepare(sql) {
			const statement = statements.get(sql) ?? db.prepare(sql);
			statements.delete(sql);
			statements.set(sql, statement);
			if (statements.size > CAPACITY) statements.delete(statements.keys().next().value ?? '');
			return statement;
		}
	};
}
