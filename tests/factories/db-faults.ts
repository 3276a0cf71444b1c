import { sql } from 'kysely';
import { isPostgres, type Db } from '../../src/lib/server/db/open.ts';

/**
 * Makes every insert into `table` for one board fail inside the database (a trigger, as a full disk
 * would), on either dialect. Returns the way to heal it.
 */
export async function failInserts(db: Db, table: 'feed_update' | 'board_update' | 'notification', boardId: string) {
	const trigger = sql.id(`fail_${table}`);
	const target = sql.table(table);
	const board = sql.lit(boardId);
	if (isPostgres(db)) {
		await sql`CREATE OR REPLACE FUNCTION fail_insert() RETURNS trigger LANGUAGE plpgsql
			AS $$ BEGIN RAISE EXCEPTION 'disk full'; END $$`.execute(db);
		await sql`CREATE TRIGGER ${trigger} BEFORE INSERT ON ${target} FOR EACH ROW
			WHEN (NEW.board_id = ${board}) EXECUTE FUNCTION fail_insert()`.execute(db);
		return async () => void (await sql`DROP TRIGGER ${trigger} ON ${target}`.execute(db));
	}
	await sql`CREATE TRIGGER ${trigger} BEFORE INSERT ON ${target} WHEN NEW.board_id = ${board}
		BEGIN SELECT RAISE(ABORT, 'disk full'); END`.execute(db);
	return async () => void (await sql`DROP TRIGGER ${trigger}`.execute(db));
}
