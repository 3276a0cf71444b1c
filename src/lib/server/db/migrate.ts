import { Migrator, type Migration, type MigrationProvider } from 'kysely/migration';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Db } from './open.ts';

const MIGRATIONS_DIR = join(import.meta.dirname, '../../../../migrations');

/** Loads migrations/*.ts in name order; they are frozen files that never import app code. */
class FolderProvider implements MigrationProvider {
	async getMigrations(): Promise<Record<string, Migration>> {
		const files = (await readdir(MIGRATIONS_DIR)).filter((f) => /^\d.*\.ts$/.test(f)).sort();
		const entries = await Promise.all(
			files.map(async (file) => {
				const mod = (await import(pathToFileURL(join(MIGRATIONS_DIR, file)).href)) as Migration;
				return [file.replace(/\.ts$/, ''), mod] as const;
			})
		);
		return Object.fromEntries(entries);
	}
}

export async function migrateToLatest(db: Db): Promise<void> {
	const migrator = new Migrator({ db, provider: new FolderProvider() });
	const { error, results } = await migrator.migrateToLatest();
	for (const r of results ?? []) {
		if (r.status === 'Error') console.error(`migration ${r.migrationName} failed`);
	}
	if (error) throw error instanceof Error ? error : new Error(String(error));
}
