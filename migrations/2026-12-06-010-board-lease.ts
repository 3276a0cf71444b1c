import type { Kysely } from 'kysely';

// Frozen: never edit a landed migration, add a new one. Uses only Kysely's dialect-neutral builder.
export async function up(db: Kysely<unknown>): Promise<void> {
	// Who does the side effects of something shared by several processes (`board:{id}`: a board's
	// projection, card events, gate flags, compaction; `job:…`: a periodic pass). The epoch grows at each
	// change of holder and is checked inside every side-effect transaction, so a holder that lost the
	// lease can no longer write. `expires_at`: ms since 1970 on the database's clock.
	await db.schema
		.createTable('board_lease')
		.addColumn('key', 'text', (c) => c.primaryKey())
		.addColumn('holder', 'text', (c) => c.notNull())
		.addColumn('epoch', 'bigint', (c) => c.notNull())
		.addColumn('expires_at', 'bigint', (c) => c.notNull())
		.execute();
}

export async function down(): Promise<void> {
	throw new Error('forward-only migrations');
}
