import type { Kysely } from 'kysely';

// Frozen: never edit a landed migration, add a new one. Uses only Kysely's dialect-neutral builder.
export async function up(db: Kysely<unknown>): Promise<void> {
	// Each board's read-only feed document (comments, signals, inbox, open help, gate flags, settings,
	// global objectives: what only the server writes), stored write-through exactly like the board
	// document: an append-only log of updates and one compacted snapshot.
	await db.schema
		.createTable('feed_update')
		.addColumn('board_id', 'text', (c) => c.notNull().references('board.id').onDelete('cascade'))
		.addColumn('seq', 'bigint', (c) => c.notNull())
		.addColumn('data', 'blob', (c) => c.notNull())
		.addColumn('user_id', 'text')
		.addColumn('created_at', 'bigint', (c) => c.notNull())
		.addPrimaryKeyConstraint('feed_update_pk', ['board_id', 'seq'])
		.execute();
	await db.schema
		.createTable('feed_snapshot')
		.addColumn('board_id', 'text', (c) => c.primaryKey().references('board.id').onDelete('cascade'))
		.addColumn('seq', 'bigint', (c) => c.notNull())
		.addColumn('data', 'blob', (c) => c.notNull())
		.addColumn('created_at', 'bigint', (c) => c.notNull())
		.execute();
}

export async function down(): Promise<void> {
	throw new Error('forward-only migrations');
}
