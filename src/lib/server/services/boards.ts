import type { Db } from '../db/open.ts';
import { newId } from '../ids.ts';
import {
	boardAccess,
	can,
	type BoardAccessLevel,
	type BoardLevel,
	type BoardRules,
	type Grant,
	type OrgRole
} from '#lib/domain/permissions.ts';

export interface BoardSummary {
	id: string;
	name: string;
	organizationId: string;
	updatedAt: number;
}

export interface BoardAccess extends BoardSummary {
	role: OrgRole;
	visibility: BoardRules['visibility'];
	/** What this person may do with the board's document. */
	level: BoardLevel;
}

/** The board if `userId` may open it (to edit or to read), else null: callers answer 404, no hint it exists. */
export async function findBoardForUser(db: Db, boardId: string, userId: string): Promise<BoardAccess | null> {
	const row = await boardRows(db, userId).where('board.id', '=', boardId).executeTakeFirst();
	if (!row) return null;
	const level = await accessLevel(db, row, userId);
	return level === 'none' ? null : { ...summary(row), role: row.role, visibility: visibilityOf(row), level };
}

/** The boards a person may open, by name. */
export async function listBoardsForUser(db: Db, userId: string): Promise<BoardSummary[]> {
	const rows = await boardRows(db, userId).orderBy('board.name').execute();
	const open: BoardSummary[] = [];
	for (const row of rows) if ((await accessLevel(db, row, userId)) !== 'none') open.push(summary(row));
	return open;
}

function boardRows(db: Db, userId: string) {
	return db
		.selectFrom('board')
		.innerJoin('membership', 'membership.organization_id', 'board.organization_id')
		.select([
			'board.id',
			'board.name',
			'board.organization_id',
			'board.updated_at',
			'board.visibility',
			'membership.role'
		])
		.where('membership.user_id', '=', userId)
		.where('membership.role', '!=', 'guest');
}

type BoardRow = { id: string; name: string; organization_id: string; updated_at: number; visibility: string };

function summary(row: BoardRow): BoardSummary {
	return { id: row.id, name: row.name, organizationId: row.organization_id, updatedAt: row.updated_at };
}

function visibilityOf(row: BoardRow): BoardRules['visibility'] {
	return row.visibility === 'restricted' ? 'restricted' : 'organisation';
}

async function accessLevel(db: Db, row: BoardRow & { role: OrgRole }, userId: string): Promise<BoardAccessLevel> {
	const grants = await listGrants(db, row.id);
	const teams = await db.selectFrom('team_member').select('team_id').where('user_id', '=', userId).execute();
	const teamIds = teams.map((t) => t.team_id);
	return boardAccess(row.role, { visibility: visibilityOf(row) }, grants, userId, teamIds);
}

/** A board's access list: teams and people, each with edit or read access. */
export async function listGrants(db: Db, boardId: string): Promise<Grant[]> {
	const rows = await db.selectFrom('board_grant').selectAll().where('board_id', '=', boardId).execute();
	return rows.map((r) => ({ subject: r.subject, subjectId: r.subject_id, level: r.level }));
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

/** The person's role in the organisation that owns the board, or null (not a member, or no such board). */
export async function findRoleForBoard(db: Db, boardId: string, userId: string): Promise<OrgRole | null> {
	const row = await db
		.selectFrom('board')
		.innerJoin('membership', 'membership.organization_id', 'board.organization_id')
		.select('membership.role')
		.where('board.id', '=', boardId)
		.where('membership.user_id', '=', userId)
		.executeTakeFirst();
	return row?.role ?? null;
}

/** Owners and managers of the board's organisation may force a gate, with a written reason. */
export async function mayForceGates(db: Db, boardId: string, userId: string): Promise<boolean> {
	return can(await findRoleForBoard(db, boardId, userId), 'gate.override');
}

/** A person's access to a board's document (null: none), as the sync endpoint's door asks it. */
export function boardLevelOf(db: Db): (boardId: string, userId: string) => Promise<'read' | 'edit' | null> {
	return async (boardId, userId) => (await findBoardForUser(db, boardId, userId))?.level ?? null;
}
