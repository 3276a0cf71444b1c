import type { Db } from '../db/open.ts';
import { newId } from '../ids.ts';
import type { OrgRole } from '../db/schema.ts';

export interface BoardSummary {
	id: string;
	name: string;
	organizationId: string;
	updatedAt: number;
}

export interface BoardAccess extends BoardSummary {
	role: OrgRole;
}

/** The board if `userId` may open it, else null (callers answer 404: no hint that it exists). */
export async function findBoardForUser(db: Db, boardId: string, userId: string): Promise<BoardAccess | null> {
	const row = await db
		.selectFrom('board')
		.innerJoin('membership', 'membership.organization_id', 'board.organization_id')
		.select(['board.id', 'board.name', 'board.organization_id', 'board.updated_at', 'membership.role'])
		.where('board.id', '=', boardId)
		.where('membership.user_id', '=', userId)
		.where('membership.role', '!=', 'guest')
		.executeTakeFirst();
	if (!row) return null;
	return { id: row.id, name: row.name, organizationId: row.organization_id, updatedAt: row.updated_at, role: row.role };
}

export async function listBoardsForUser(db: Db, userId: string): Promise<BoardSummary[]> {
	const rows = await db
		.selectFrom('board')
		.innerJoin('membership', 'membership.organization_id', 'board.organization_id')
		.select(['board.id', 'board.name', 'board.organization_id', 'board.updated_at'])
		.where('membership.user_id', '=', userId)
		.where('membership.role', '!=', 'guest')
		.orderBy('board.name')
		.execute();
	return rows.map((r) => ({ id: r.id, name: r.name, organizationId: r.organization_id, updatedAt: r.updated_at }));
}

/** The organisation where a person creates boards: their first non-guest membership. */
export async function findHomeOrganization(db: Db, userId: string): Promise<{ id: string; name: string } | null> {
	const row = await db
		.selectFrom('membership')
		.innerJoin('organization', 'organization.id', 'membership.organization_id')
		.select(['organization.id', 'organization.name'])
		.where('membership.user_id', '=', userId)
		.where('membership.role', '!=', 'guest')
		.orderBy('membership.created_at')
		.executeTakeFirst();
	return row ?? null;
}

export async function createBoard(db: Db, organizationId: string, name: string): Promise<string> {
	const id = newId();
	const now = Date.now();
	await db
		.insertInto('board')
		.values({ id, organization_id: organizationId, name, created_at: now, updated_at: now })
		.execute();
	return id;
}

export async function renameBoard(db: Db, boardId: string, name: string): Promise<void> {
	await db.updateTable('board').set({ name, updated_at: Date.now() }).where('id', '=', boardId).execute();
}

/** Owners and managers of the board's organisation may force a gate, with a written reason. */
export async function mayForceGates(db: Db, boardId: string, userId: string): Promise<boolean> {
	const row = await db
		.selectFrom('board')
		.innerJoin('membership', 'membership.organization_id', 'board.organization_id')
		.select('membership.role')
		.where('board.id', '=', boardId)
		.where('membership.user_id', '=', userId)
		.executeTakeFirst();
	return row?.role === 'owner' || row?.role === 'manager';
}
