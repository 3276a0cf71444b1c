import type { Kysely } from 'kysely';

// Frozen: never edit a landed migration, add a new one. Uses only Kysely's dialect-neutral builder.
export async function up(db: Kysely<unknown>): Promise<void> {
	// The weekly cadence of each board's stand-up (its time zone is the board's own, in its settings).
	await db.schema
		.alterTable('board')
		.addColumn('standup_day', 'integer', (c) => c.notNull().defaultTo(1))
		.execute();
	await db.schema
		.alterTable('board')
		.addColumn('standup_time', 'text', (c) => c.notNull().defaultTo('09:30'))
		.execute();
	await db.schema
		.alterTable('board')
		.addColumn('standup_time_box', 'integer', (c) => c.notNull().defaultTo(90))
		.execute();

	// One stand-up: running while ended_at is null (at most one per board, checked by the service).
	// `since` is where "what changed" starts: the previous stand-up, or a week before.
	await db.schema
		.createTable('standup')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('board_id', 'text', (c) => c.notNull().references('board.id').onDelete('cascade'))
		.addColumn('facilitator_id', 'text', (c) => c.notNull())
		.addColumn('since', 'bigint', (c) => c.notNull())
		.addColumn('started_at', 'bigint', (c) => c.notNull())
		.addColumn('ended_at', 'bigint')
		.addColumn('time_box', 'integer', (c) => c.notNull())
		.addColumn('locale', 'text', (c) => c.notNull())
		.addColumn('summary', 'text') // JSON, frozen when the stand-up closes
		.execute();
	await db.schema.createIndex('standup_board_time').on('standup').columns(['board_id', 'started_at']).execute();

	await db.schema
		.createTable('standup_attendee')
		.addColumn('standup_id', 'text', (c) => c.notNull().references('standup.id').onDelete('cascade'))
		.addColumn('user_id', 'text', (c) => c.notNull())
		.addColumn('joined_at', 'bigint', (c) => c.notNull())
		.addPrimaryKeyConstraint('standup_attendee_pk', ['standup_id', 'user_id'])
		.execute();

	// Seconds spent on each card reviewed (the facilitator's timer, added up across visits).
	await db.schema
		.createTable('standup_card')
		.addColumn('standup_id', 'text', (c) => c.notNull().references('standup.id').onDelete('cascade'))
		.addColumn('card_id', 'text', (c) => c.notNull())
		.addColumn('seconds', 'integer', (c) => c.notNull())
		.addColumn('reviewed_at', 'bigint', (c) => c.notNull())
		.addPrimaryKeyConstraint('standup_card_pk', ['standup_id', 'card_id'])
		.execute();

	// Decisions and actions taken in a stand-up; each also lands in the card's history (card_event).
	await db.schema
		.createTable('standup_decision')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('standup_id', 'text', (c) => c.notNull().references('standup.id').onDelete('cascade'))
		.addColumn('card_id', 'text', (c) => c.notNull())
		.addColumn('text', 'text', (c) => c.notNull())
		.addColumn('owner_id', 'text')
		.addColumn('due_date', 'text')
		.addColumn('created_by', 'text', (c) => c.notNull())
		.addColumn('created_at', 'bigint', (c) => c.notNull())
		.execute();
}
