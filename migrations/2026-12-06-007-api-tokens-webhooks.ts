import type { Kysely } from 'kysely';

// Frozen: never edit a landed migration, add a new one. Uses only Kysely's dialect-neutral builder.
export async function up(db: Kysely<unknown>): Promise<void> {
	// Personal access tokens for the REST API (/api/v1). Only the SHA-256 of the token is kept (like
	// sessions): the token itself is shown once. Each is bound to one organisation of its owner and
	// either reads ('read') or also writes ('write'). A revoked token is deleted.
	await db.schema
		.createTable('api_token')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('token_hash', 'text', (c) => c.notNull().unique())
		.addColumn('user_id', 'text', (c) => c.notNull().references('user.id').onDelete('cascade'))
		.addColumn('organization_id', 'text', (c) => c.notNull().references('organization.id').onDelete('cascade'))
		.addColumn('name', 'text', (c) => c.notNull())
		.addColumn('access', 'text', (c) => c.notNull())
		.addColumn('created_at', 'bigint', (c) => c.notNull())
		.addColumn('expires_at', 'bigint')
		.addColumn('last_used_at', 'bigint')
		.execute();
	await db.schema.createIndex('api_token_user').on('api_token').column('user_id').execute();

	// Webhooks of an organisation (board_id null: every board) or of one board. The secret signs the
	// payloads (HMAC needs it in clear); it is shown once. `events`: JSON list. After too many failed
	// deliveries in a row the hook is disabled (disabled_at) until an owner or manager enables it again.
	await db.schema
		.createTable('webhook')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('organization_id', 'text', (c) => c.notNull().references('organization.id').onDelete('cascade'))
		.addColumn('board_id', 'text', (c) => c.references('board.id').onDelete('cascade'))
		.addColumn('url', 'text', (c) => c.notNull())
		.addColumn('secret', 'text', (c) => c.notNull())
		.addColumn('events', 'text', (c) => c.notNull())
		.addColumn('created_by', 'text', (c) => c.notNull())
		.addColumn('created_at', 'bigint', (c) => c.notNull())
		.addColumn('consecutive_failures', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('disabled_at', 'bigint')
		.execute();
	await db.schema.createIndex('webhook_organization').on('webhook').column('organization_id').execute();
	// The outbox and the delivery log in one: a row is written with the event (same transaction), then a
	// worker sends it, retrying with a growing delay. `next_attempt_at` also serves as a lease while one
	// process sends it, so a crash mid-send means a retry, not a loss.
	await db.schema
		.createTable('webhook_delivery')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('webhook_id', 'text', (c) => c.notNull().references('webhook.id').onDelete('cascade'))
		.addColumn('event', 'text', (c) => c.notNull())
		.addColumn('payload', 'text', (c) => c.notNull())
		.addColumn('status', 'text', (c) => c.notNull())
		.addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('next_attempt_at', 'bigint', (c) => c.notNull())
		.addColumn('response_code', 'integer')
		.addColumn('error', 'text')
		.addColumn('created_at', 'bigint', (c) => c.notNull())
		.addColumn('finished_at', 'bigint')
		.execute();
	await db.schema
		.createIndex('webhook_delivery_due')
		.on('webhook_delivery')
		.columns(['status', 'next_attempt_at'])
		.execute();
	await db.schema
		.createIndex('webhook_delivery_log')
		.on('webhook_delivery')
		.columns(['webhook_id', 'created_at'])
		.execute();
}

export async function down(): Promise<void> {
	throw new Error('forward-only migrations');
}
