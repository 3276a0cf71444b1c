import { sql, type Kysely } from 'kysely';

// Frozen: never edit a landed migration, add a new one. Uses only Kysely's dialect-neutral builder.
export async function up(db: Kysely<unknown>): Promise<void> {
	// Guests belong to a partner or client company; members leave it empty.
	await db.schema.alterTable('membership').addColumn('company', 'text').execute();
	// Who a session belongs to is enough to revoke it; when and from what browser help the person recognise it.
	await db.schema.alterTable('session').addColumn('created_at', 'bigint').execute();
	await db.schema.alterTable('session').addColumn('user_agent', 'text').execute();
	// 'organisation': open to every member; 'restricted': only the teams and people listed in board_grant.
	await db.schema
		.alterTable('board')
		.addColumn('visibility', 'text', (c) => c.notNull().defaultTo('organisation'))
		.execute();
	await db.schema
		.createTable('board_grant')
		.addColumn('board_id', 'text', (c) => c.notNull().references('board.id').onDelete('cascade'))
		.addColumn('subject', 'text', (c) => c.notNull())
		.addColumn('subject_id', 'text', (c) => c.notNull())
		.addColumn('level', 'text', (c) => c.notNull())
		.addPrimaryKeyConstraint('board_grant_pk', ['board_id', 'subject', 'subject_id'])
		.execute();
	await db.schema
		.createTable('invitation')
		.addColumn('id', 'text', (c) => c.primaryKey()) // SHA-256 of the link's token, never the token
		.addColumn('organization_id', 'text', (c) => c.notNull().references('organization.id').onDelete('cascade'))
		.addColumn('role', 'text', (c) => c.notNull())
		.addColumn('company', 'text')
		.addColumn('board_id', 'text', (c) => c.references('board.id').onDelete('set null'))
		.addColumn('created_by', 'text', (c) => c.notNull())
		.addColumn('created_at', 'bigint', (c) => c.notNull())
		.addColumn('expires_at', 'bigint', (c) => c.notNull())
		.addColumn('used_at', 'bigint')
		.addColumn('used_by', 'text')
		.addColumn('revoked_at', 'bigint')
		.execute();
	await db.schema.createIndex('invitation_org').on('invitation').column('organization_id').execute();
	// The projection's guest side: who may see each card (a JSON list of company names, '*' for every guest
	// of the organisation) and the guest-safe view of it, so the portal never reads the board's document.
	await db.schema
		.alterTable('card')
		.addColumn('shared_with', 'text', (c) => c.notNull().defaultTo(sql`'[]'`))
		.execute();
	await db.schema
		.alterTable('card')
		.addColumn('guest_view', 'text', (c) => c.notNull().defaultTo(sql`'{}'`))
		.execute();
}

export async function down(): Promise<void> {
	throw new Error('forward-only migrations');
}
