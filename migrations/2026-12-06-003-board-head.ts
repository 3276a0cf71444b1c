import type { Kysely } from 'kysely';

// Frozen: never edit a landed migration, add a new one. Uses only Kysely's dialect-neutral builder.
export async function up(db: Kysely<unknown>): Promise<void> {
	// Each document's last sequence number (board and feed), moved forward under this row's lock in the
	// transaction that appends: numbers are gap-free and in commit order however many processes write.
	// A board's row is made from its log on its first append after this migration.
	for (const table of ['board_head', 'feed_head']) {
		await db.schema
			.createTable(table)
			.addColumn('board_id', 'text', (c) => c.primaryKey().references('board.id').onDelete('cascade'))
			.addColumn('seq', 'bigint', (c) => c.notNull())
			.execute();
	}
}

export async function down(): Promise<void> {
	throw new Error('forward-only migrations');
}
