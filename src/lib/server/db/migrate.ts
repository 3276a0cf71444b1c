import { FileMigrationProvider, Migrator } from 'kysely/migration';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { isPostgres, type Db } from './open.ts';
import { sqliteTypesOnPostgres } from './postgres-types.ts';

/**
 * migrations/*.ts, frozen files that never import app code. Kysely imports them with Node's own loader
 * (Node 24 strips their types), also from the built bundle; so the folder is found from the working
 * directory, the project root, like the default database file, rather than from this module's place.
 */
const provider = new FileMigrationProvider({ fs, path, migrationFolder: path.resolve('migrations') });

/**
 * Runs the pending migrations. On PostgreSQL they run through a plugin that maps SQLite-only column
 * types, and the migrator's own advisory lock lets several processes start at once.
 */
export async function migrateToLatest(db: Db): Promise<void> {
	const migrator = new Migrator({ db: isPostgres(db) ? db.withPlugin(sqliteTypesOnPostgres()) : db, provider });
	const { error, results } = await migrator.migrateToLatest();
	for (const r of results ?? []) {
		if (r.status === 'Error') console.error(`migration ${r.migrationName} failed`);
	}
	if (error) throw error instanceof Error ? error : new Error(String(error));
}
