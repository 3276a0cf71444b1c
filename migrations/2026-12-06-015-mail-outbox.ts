import type { Kysely } from 'kysely';

// Frozen: never edit a landed migration, add a new one. Uses only Kysely's dialect-neutral builder.
export async function up(db: Kysely<unknown>): Promise<void> {
	// E-mails go out from an outbox: a row is written by the request (in its transaction when it has
	// one), then a poller of any process sends it, retrying with a growing delay. `next_attempt_at`
	// also serves as a lease while one process sends it, so two processes never send it both and a
	// crash before sending only delays it.
	await db.schema
		.createTable('mail_outbox')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('recipient', 'text', (c) => c.notNull())
		.addColumn('subject', 'text', (c) => c.notNull())
		.addColumn('body', 'text', (c) => c.notNull())
		.addColumn('status', 'text', (c) => c.notNull())
		.addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('next_attempt_at', 'bigint', (c) => c.notNull())
		.addColumn('error', 'text')
		.addColumn('created_at', 'bigint', (c) => c.notNull())
		.addColumn('finished_at', 'bigint')
		.execute();
	await db.schema.createIndex('mail_outbox_due').on('mail_outbox').columns(['status', 'next_attempt_at']).execute();
}

export async function down(): Promise<void> {
	throw new Error('forward-only migrations');
}
