import type { Kysely } from 'kysely';

// Frozen: never edit a landed migration, add a new one. Uses only Kysely's dialect-neutral builder.
export async function up(db: Kysely<unknown>): Promise<void> {
	// What the check-in schedule needs of a card (JSON: rollout phases, latest check-in, closed or not),
	// written by the projection; null until the board is next loaded, or when the card has no phase.
	await db.schema.alterTable('card').addColumn('check_in_plan', 'text').execute();

	// One row per check-in notice sent (a due date announced, a missed date reported): the key is what
	// makes each notice go out once per card and date, across runs and restarts.
	await db.schema
		.createTable('check_in_notice')
		.addColumn('card_id', 'text', (c) => c.notNull())
		.addColumn('kind', 'text', (c) => c.notNull())
		.addColumn('due_date', 'text', (c) => c.notNull())
		.addColumn('board_id', 'text', (c) => c.notNull().references('board.id').onDelete('cascade'))
		.addColumn('created_at', 'bigint', (c) => c.notNull())
		.addPrimaryKeyConstraint('check_in_notice_key', ['card_id', 'kind', 'due_date'])
		.execute();
}

export async function down(): Promise<void> {
	throw new Error('forward-only migrations');
}
