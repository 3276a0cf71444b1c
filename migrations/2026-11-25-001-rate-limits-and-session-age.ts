import type { Kysely } from 'kysely';

// Frozen: never edit a landed migration, add a new one. Uses only Kysely's dialect-neutral builder.
export async function up(db: Kysely<unknown>): Promise<void> {
	// Counters of the rate limits (login, sign-up, invitations, comments, feedback): one row per key and
	// fixed time window, in the database so that every process of a deployment counts the same.
	await db.schema
		.createTable('rate_limit')
		.addColumn('key', 'text', (c) => c.notNull())
		.addColumn('window_start', 'bigint', (c) => c.notNull())
		.addColumn('hits', 'integer', (c) => c.notNull())
		.addPrimaryKeyConstraint('rate_limit_pk', ['key', 'window_start'])
		.execute();
	await db.schema.createIndex('rate_limit_window').on('rate_limit').column('window_start').execute();

	// Sessions now end at an absolute age counted from created_at: the older rows, which have none,
	// start counting from today.
	await (db as Kysely<{ session: { created_at: number | null } }>)
		.updateTable('session')
		.set({ created_at: Date.now() })
		.where('created_at', 'is', null)
		.execute();
}
