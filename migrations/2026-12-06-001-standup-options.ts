import type { Kysely } from 'kysely';

// Frozen: never edit a landed migration, add a new one. Uses only Kysely's dialect-neutral builder.
export async function up(db: Kysely<unknown>): Promise<void> {
	// How long a board's whole stand-up should take, in minutes (its cards share that time).
	await db.schema
		.alterTable('board')
		.addColumn('standup_length', 'integer', (c) => c.notNull().defaultTo(15))
		.execute();
	// The options chosen when the stand-up started (JSON) and the agenda they gave then (JSON list of
	// card ids, in walking order): every screen walks the same list, whatever happens meanwhile.
	// Null on stand-ups started before: they are read as no options and a live agenda.
	await db.schema.alterTable('standup').addColumn('options', 'text').execute();
	await db.schema.alterTable('standup').addColumn('agenda', 'text').execute();
}

export async function down(): Promise<void> {
	throw new Error('forward-only migrations');
}
