import type { Kysely } from 'kysely';

// Frozen: never edit a landed migration, add a new one. The projection fills the new columns at the next load.
export async function up(db: Kysely<unknown>): Promise<void> {
	await db.schema.alterTable('card').addColumn('owner_id', 'text').execute();
	await db.schema.alterTable('card').addColumn('team_id', 'text').execute();
}

export async function down(): Promise<void> {
	throw new Error('forward-only migrations');
}
