import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrateToLatest } from '../../src/lib/server/db/migrate.ts';
import { openDatabase, type Db } from '../../src/lib/server/db/open.ts';

export interface TempDatabase {
	db: Db;
	dir: string;
	/** Closes the database and deletes its folder. */
	dispose(): Promise<void>;
}

/** A real, migrated SQLite file in a fresh temp folder (no mocked database anywhere). */
export async function openTempDatabase(prefix = 'bouture-'): Promise<TempDatabase> {
	const dir = mkdtempSync(join(tmpdir(), prefix));
	const db = openDatabase('file:' + join(dir, 'test.sqlite'));
	await migrateToLatest(db);
	return {
		db,
		dir,
		async dispose() {
			await db.destroy();
			rmSync(dir, { recursive: true, force: true });
		}
	};
}
