import type { Kysely } from 'kysely';

// Frozen: never edit a landed migration, add a new one. Uses only Kysely's dialect-neutral builder.
export async function up(db: Kysely<unknown>): Promise<void> {
	await db.schema
		.createTable('organization')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('name', 'text', (c) => c.notNull())
		.addColumn('created_at', 'bigint', (c) => c.notNull())
		.execute();
	await db.schema
		.createTable('user')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('email', 'text', (c) => c.notNull().unique())
		.addColumn('name', 'text', (c) => c.notNull())
		.addColumn('password_hash', 'text', (c) => c.notNull())
		.addColumn('color', 'text', (c) => c.notNull())
		.addColumn('created_at', 'bigint', (c) => c.notNull())
		.execute();
	await db.schema
		.createTable('membership')
		.addColumn('organization_id', 'text', (c) => c.notNull().references('organization.id').onDelete('cascade'))
		.addColumn('user_id', 'text', (c) => c.notNull().references('user.id').onDelete('cascade'))
		.addColumn('role', 'text', (c) => c.notNull())
		.addColumn('created_at', 'bigint', (c) => c.notNull())
		.addPrimaryKeyConstraint('membership_pk', ['organization_id', 'user_id'])
		.execute();
	await db.schema.createIndex('membership_user').on('membership').column('user_id').execute();
	await db.schema
		.createTable('team')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('organization_id', 'text', (c) => c.notNull().references('organization.id').onDelete('cascade'))
		.addColumn('name', 'text', (c) => c.notNull())
		.addColumn('color', 'text', (c) => c.notNull())
		.execute();
	await db.schema
		.createTable('team_member')
		.addColumn('team_id', 'text', (c) => c.notNull().references('team.id').onDelete('cascade'))
		.addColumn('user_id', 'text', (c) => c.notNull().references('user.id').onDelete('cascade'))
		.addPrimaryKeyConstraint('team_member_pk', ['team_id', 'user_id'])
		.execute();
	await db.schema
		.createTable('session')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('user_id', 'text', (c) => c.notNull().references('user.id').onDelete('cascade'))
		.addColumn('expires_at', 'bigint', (c) => c.notNull())
		.execute();
	await db.schema.createIndex('session_user').on('session').column('user_id').execute();
	await db.schema
		.createTable('board')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('organization_id', 'text', (c) => c.notNull().references('organization.id').onDelete('cascade'))
		.addColumn('name', 'text', (c) => c.notNull())
		.addColumn('created_at', 'bigint', (c) => c.notNull())
		.addColumn('updated_at', 'bigint', (c) => c.notNull())
		.execute();
	await db.schema.createIndex('board_org').on('board').column('organization_id').execute();
	await db.schema
		.createTable('board_update')
		.addColumn('board_id', 'text', (c) => c.notNull().references('board.id').onDelete('cascade'))
		.addColumn('seq', 'bigint', (c) => c.notNull())
		.addColumn('data', 'blob', (c) => c.notNull())
		.addColumn('user_id', 'text')
		.addColumn('created_at', 'bigint', (c) => c.notNull())
		.addPrimaryKeyConstraint('board_update_pk', ['board_id', 'seq'])
		.execute();
	await db.schema
		.createTable('board_snapshot')
		.addColumn('board_id', 'text', (c) => c.primaryKey().references('board.id').onDelete('cascade'))
		.addColumn('seq', 'bigint', (c) => c.notNull())
		.addColumn('data', 'blob', (c) => c.notNull())
		.addColumn('created_at', 'bigint', (c) => c.notNull())
		.execute();
	await db.schema
		.createTable('card')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('board_id', 'text', (c) => c.notNull().references('board.id').onDelete('cascade'))
		.addColumn('title', 'text', (c) => c.notNull())
		.addColumn('stage', 'text', (c) => c.notNull())
		.addColumn('rank', 'text', (c) => c.notNull())
		.addColumn('archived', 'integer', (c) => c.notNull())
		.addColumn('updated_at', 'bigint', (c) => c.notNull())
		.execute();
	await db.schema.createIndex('card_board').on('card').columns(['board_id', 'stage']).execute();
}

export async function down(): Promise<void> {
	throw new Error('forward-only migrations');
}
