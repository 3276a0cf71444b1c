import type { Kysely } from 'kysely';

// Frozen: never edit a landed migration, add a new one. Uses only Kysely's dialect-neutral builder.
export async function up(db: Kysely<unknown>): Promise<void> {
	// A board document starts a new generation when its history outweighs its content (sync/generations.ts):
	// the head row says which generation appends belong to, so a process still holding the old one
	// cannot append to the new one. The feed's head gets the column too (one store code for both).
	for (const table of ['board_head', 'feed_head'])
		await db.schema
			.alterTable(table)
			.addColumn('generation', 'integer', (c) => c.notNull().defaultTo(0))
			.execute();
	// Ended generations, each as one encoded document, kept for restore (GENERATION_KEEP_DAYS); the
	// changes carried over from clients still on it are merged into it, so carrying twice adds nothing.
	await db.schema
		.createTable('board_generation')
		.addColumn('board_id', 'text', (c) => c.notNull().references('board.id').onDelete('cascade'))
		.addColumn('generation', 'integer', (c) => c.notNull())
		.addColumn('data', 'blob', (c) => c.notNull())
		.addColumn('ended_at', 'bigint', (c) => c.notNull())
		.addPrimaryKeyConstraint('board_generation_pk', ['board_id', 'generation'])
		.execute();
}

export async function down(): Promise<void> {
	throw new Error('forward-only migrations');
}
