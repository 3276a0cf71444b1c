import type { BoardRules, Grant } from '#lib/domain/permissions.ts';
import type { Db } from '../db/open.ts';
import { listGrants } from './boards.ts';

/** Who may open a board: its visibility and its list of teams and people (with edit or read access). */
export interface BoardAccessList extends BoardRules {
	grants: Grant[];
}

export async function readAccessList(db: Db, boardId: string): Promise<BoardAccessList> {
	const board = await db.selectFrom('board').select('visibility').where('id', '=', boardId).executeTakeFirstOrThrow();
	return {
		visibility: board.visibility === 'restricted' ? 'restricted' : 'organisation',
		grants: await listGrants(db, boardId)
	};
}

export async function setVisibility(db: Db, boardId: string, visibility: BoardRules['visibility']): Promise<void> {
	await db.updateTable('board').set({ visibility, updated_at: Date.now() }).where('id', '=', boardId).execute();
}

/** Adds or changes one line of the list. The subject must belong to the board's organisation (checked by the caller). */
export async function putGrant(db: Db, boardId: string, grant: Grant): Promise<void> {
	const row = { board_id: boardId, subject: grant.subject, subject_id: grant.subjectId, level: grant.level };
	await db
		.insertInto('board_grant')
		.values(row)
		.onConflict((oc) => oc.columns(['board_id', 'subject', 'subject_id']).doUpdateSet({ level: grant.level }))
		.execute();
}

export async function removeGrant(
	db: Db,
	boardId: string,
	subject: Grant['subject'],
	subjectId: string
): Promise<void> {
	await db
		.deleteFrom('board_grant')
		.where('board_id', '=', boardId)
		.where('subject', '=', subject)
		.where('subject_id', '=', subjectId)
		.execute();
}

/** Whether `subjectId` is a team, or a non-guest person, of the organisation. */
export async function isGrantee(db: Db, organizationId: string, subject: Grant['subject'], subjectId: string) {
	if (subject === 'team') {
		const team = await db
			.selectFrom('team')
			.select('id')
			.where('id', '=', subjectId)
			.where('organization_id', '=', organizationId)
			.executeTakeFirst();
		return team !== undefined;
	}
	const member = await db
		.selectFrom('membership')
		.select('user_id')
		.where('user_id', '=', subjectId)
		.where('organization_id', '=', organizationId)
		.where('role', '!=', 'guest')
		.executeTakeFirst();
	return member !== undefined;
}

/** Everyone whose access may have changed with the list: the organisation's people. */
export async function organizationPeople(db: Db, organizationId: string): Promise<string[]> {
	const rows = await db
		.selectFrom('membership')
		.select('user_id')
		.where('organization_id', '=', organizationId)
		.execute();
	return rows.map((r) => r.user_id);
}
