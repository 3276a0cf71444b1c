import type { Kysely } from 'kysely';

// Frozen: never edit a landed migration, add a new one. Uses only Kysely's dialect-neutral builder.
export async function up(db: Kysely<unknown>): Promise<void> {
	// What happened to each card, in order: the server's own log (stage moves, check-ins, decisions,
	// comments, signals…). The stand-up, activity feeds and notifications read it, never the CRDT.
	await db.schema
		.createTable('card_event')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('board_id', 'text', (c) => c.notNull().references('board.id').onDelete('cascade'))
		.addColumn('card_id', 'text', (c) => c.notNull())
		.addColumn('kind', 'text', (c) => c.notNull())
		.addColumn('actor_id', 'text')
		.addColumn('data', 'text', (c) => c.notNull()) // JSON, small
		.addColumn('created_at', 'bigint', (c) => c.notNull())
		.execute();
	await db.schema.createIndex('card_event_board_time').on('card_event').columns(['board_id', 'created_at']).execute();
	await db.schema.createIndex('card_event_card_time').on('card_event').columns(['card_id', 'created_at']).execute();

	// Comments live here (the board document mirrors their current text for live display); earlier
	// versions stay here only, for their author and managers.
	await db.schema
		.createTable('comment')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('board_id', 'text', (c) => c.notNull().references('board.id').onDelete('cascade'))
		.addColumn('card_id', 'text', (c) => c.notNull())
		.addColumn('parent_id', 'text')
		.addColumn('author_id', 'text', (c) => c.notNull())
		.addColumn('body', 'text', (c) => c.notNull())
		.addColumn('created_at', 'bigint', (c) => c.notNull())
		.addColumn('edited_at', 'bigint')
		.addColumn('deleted_at', 'bigint')
		.execute();
	await db.schema.createIndex('comment_card').on('comment').columns(['card_id', 'created_at']).execute();
	await db.schema
		.createTable('comment_version')
		.addColumn('comment_id', 'text', (c) => c.notNull().references('comment.id').onDelete('cascade'))
		.addColumn('body', 'text', (c) => c.notNull())
		.addColumn('replaced_at', 'bigint', (c) => c.notNull())
		.execute();
	await db.schema.createIndex('comment_version_comment').on('comment_version').column('comment_id').execute();

	await db.schema
		.createTable('notification')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('user_id', 'text', (c) => c.notNull().references('user.id').onDelete('cascade'))
		.addColumn('kind', 'text', (c) => c.notNull())
		.addColumn('board_id', 'text', (c) => c.references('board.id').onDelete('cascade'))
		.addColumn('card_id', 'text')
		.addColumn('actor_id', 'text')
		.addColumn('data', 'text', (c) => c.notNull()) // JSON, small
		.addColumn('created_at', 'bigint', (c) => c.notNull())
		.addColumn('read_at', 'bigint')
		.execute();
	await db.schema.createIndex('notification_user').on('notification').columns(['user_id', 'read_at']).execute();
	await db.schema
		.createTable('notification_setting')
		.addColumn('user_id', 'text', (c) => c.notNull().references('user.id').onDelete('cascade'))
		.addColumn('kind', 'text', (c) => c.notNull())
		.addColumn('enabled', 'integer', (c) => c.notNull())
		.addPrimaryKeyConstraint('notification_setting_pk', ['user_id', 'kind'])
		.execute();
	// Following a card: 1 follows, 0 an explicit unfollow (so automatic following does not come back).
	await db.schema
		.createTable('card_follow')
		.addColumn('user_id', 'text', (c) => c.notNull().references('user.id').onDelete('cascade'))
		.addColumn('card_id', 'text', (c) => c.notNull())
		.addColumn('board_id', 'text', (c) => c.notNull().references('board.id').onDelete('cascade'))
		.addColumn('following', 'integer', (c) => c.notNull())
		.addPrimaryKeyConstraint('card_follow_pk', ['user_id', 'card_id'])
		.execute();
}

export async function down(): Promise<void> {
	throw new Error('forward-only migrations');
}
