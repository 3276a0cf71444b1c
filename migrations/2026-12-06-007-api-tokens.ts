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
		.addColumn('created_at', 'integer', (c) => c.notNull())
		.addColumn('expires_at', 'integer')
		.addColumn('last_used_at', 'integer')
		.execute();
	await db.schema.createIndex('api_token_user').on('api_token').column('user_id').execute();
}

export async function down(): Promise<void> {
	throw new Error('forward-only migrations');
}
