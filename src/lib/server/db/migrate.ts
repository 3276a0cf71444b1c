import { FileMigrationProvider, Migrator } from 'kysely/migration';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Db } from './open.ts';

/**
 * migrations/*.ts, frozen files that never import app code. Kysely imports them with Node's own loader
 * (Node 24 strips their types), also from the built bundle; so the folder is found from the working
 * directory, the project root, like the default database file, rather than from this module's place.
 */
const provider = new FileMigrationProvider({ fs, path, migrationFolder: path.resolve('migrations') });

export async function migrateToLatest(db: Db): Promise<void> {
	const migrator = new Migrator({ db, provider });
	const { error, results } = await migrator.migrateToLatest();
	for (const r of results ?? []) {
		if (r.status === 'Error') console.error(`migration ${r.migrationName} failed`);
	}
	if (error) throw error instanceof Error ? error : new Error(String(error));
}
