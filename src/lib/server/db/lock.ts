import { isPostgres, type Db } from './open.ts';

/**
 * Serialises the check-then-write transactions guarding one row's worth of state (a board's one running
 * stand-up, an organisation's last owner). PostgreSQL runs transactions side by side: the row is locked
 * FOR UPDATE until the transaction ends, and the next one reads after it commits. SQLite needs nothing:
 * Kysely runs its transactions one at a time on its one connection.
 */
export async function lockRow(tx: Db, table: 'board' | 'organization', id: string): Promise<void> {
	if (!isPostgres(tx)) return;
	await tx.selectFrom(table).select('id').where('id', '=', id).forUpdate().execute();
}
