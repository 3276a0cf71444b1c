import * as v from 'valibot';
import type { Db } from '../db/open.ts';
import { newId } from '../ids.ts';

/** Team colours: each carries white text at WCAG AA (≥ 4.5:1) and stands out from the page (≥ 3:1). */
export const TEAM_COLORS = [
	{ name: 'green', value: '#2f7d4f' },
	{ name: 'blue', value: '#3a6ea5' },
	{ name: 'teal', value: '#1f6f6f' },
	{ name: 'olive', value: '#5b6b2f' },
	{ name: 'ochre', value: '#8a6212' },
	{ name: 'brick', value: '#b4543a' },
	{ name: 'raspberry', value: '#a63d6b' },
	{ name: 'plum', value: '#8a5a9e' }
] as const;
export type TeamColorName = (typeof TEAM_COLORS)[number]['name'];

export const TEAM_NAME_MAX = 60;

export const TeamInput = v.object({
	name: v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(TEAM_NAME_MAX)),
	color: v.pipe(
		v.string(),
		v.regex(/^#[0-9a-fA-F]{6}$/),
		v.toLowerCase(),
		v.check((hex) => TEAM_COLORS.some((c) => c.value === hex))
	)
});
export type TeamInput = v.InferOutput<typeof TeamInput>;

export interface TeamMember {
	id: string;
	name: string;
	color: string;
}

export interface Team {
	id: string;
	name: string;
	color: string;
	members: TeamMember[];
}

/** The organisation's teams by name, each with its members by name. */
export async function listTeams(db: Db, organizationId: string): Promise<Team[]> {
	const teams = await db
		.selectFrom('team')
		.select(['id', 'name', 'color'])
		.where('organization_id', '=', organizationId)
		.orderBy('name')
		.execute();
	const members = await db
		.selectFrom('team_member')
		.innerJoin('team', 'team.id', 'team_member.team_id')
		.innerJoin('user', 'user.id', 'team_member.user_id')
		.select(['team_member.team_id', 'user.id', 'user.name', 'user.color'])
		.where('team.organization_id', '=', organizationId)
		.orderBy('user.name')
		.execute();
	return teams.map((team) => ({
		...team,
		members: members.filter((m) => m.team_id === team.id).map(({ id, name, color }) => ({ id, name, color }))
	}));
}

/** Null when the organisation already has a team of that name (whatever the case). */
export async function createTeam(db: Db, organizationId: string, input: TeamInput): Promise<string | null> {
	if (await nameTaken(db, organizationId, input.name, null)) return null;
	const id = newId();
	await db
		.insertInto('team')
		.values({ id, organization_id: organizationId, ...input })
		.execute();
	return id;
}

export async function updateTeam(
	db: Db,
	organizationId: string,
	teamId: string,
	input: TeamInput
): Promise<'ok' | 'not_found' | 'taken'> {
	if (!(await findTeam(db, organizationId, teamId))) return 'not_found';
	if (await nameTaken(db, organizationId, input.name, teamId)) return 'taken';
	await db.updateTable('team').set(input).where('id', '=', teamId).execute();
	return 'ok';
}

/**
 * Deletes a team, its memberships (by cascade) and its lines in boards' access lists. Returns its former members
 * (whose access to restricted boards may have changed), or null when the organisation has no such team.
 */
export async function deleteTeam(db: Db, organizationId: string, teamId: string): Promise<string[] | null> {
	return db.transaction().execute(async (trx) => {
		if (!(await findTeam(trx, organizationId, teamId))) return null;
		const members = await trx.selectFrom('team_member').select('user_id').where('team_id', '=', teamId).execute();
		await trx.deleteFrom('board_grant').where('subject', '=', 'team').where('subject_id', '=', teamId).execute();
		await trx.deleteFrom('team').where('id', '=', teamId).execute();
		return members.map((m) => m.user_id);
	});
}

/** Adds a person to a team: both must be of the organisation, and the person not a guest. */
export async function addTeamMember(
	db: Db,
	organizationId: string,
	teamId: string,
	userId: string
): Promise<'ok' | 'not_found'> {
	if (!(await findTeam(db, organizationId, teamId))) return 'not_found';
	const member = await db
		.selectFrom('membership')
		.select('user_id')
		.where('organization_id', '=', organizationId)
		.where('user_id', '=', userId)
		.where('role', '!=', 'guest')
		.executeTakeFirst();
	if (!member) return 'not_found';
	await db
		.insertInto('team_member')
		.values({ team_id: teamId, user_id: userId })
		.onConflict((oc) => oc.doNothing())
		.execute();
	return 'ok';
}

/** False when the organisation has no such team or the person is not in it. */
export async function removeTeamMember(db: Db, organizationId: string, teamId: string, userId: string) {
	if (!(await findTeam(db, organizationId, teamId))) return false;
	const result = await db
		.deleteFrom('team_member')
		.where('team_id', '=', teamId)
		.where('user_id', '=', userId)
		.executeTakeFirst();
	return result.numDeletedRows > 0n;
}

async function findTeam(db: Db, organizationId: string, teamId: string) {
	return db
		.selectFrom('team')
		.select('id')
		.where('id', '=', teamId)
		.where('organization_id', '=', organizationId)
		.executeTakeFirst();
}

async function nameTaken(db: Db, organizationId: string, name: string, exceptId: string | null): Promise<boolean> {
	const teams = await db
		.selectFrom('team')
		.select(['id', 'name'])
		.where('organization_id', '=', organizationId)
		.execute();
	const wanted = name.toLocaleLowerCase('fr');
	return teams.some((t) => t.id !== exceptId && t.name.toLocaleLowerCase('fr') === wanted);
}
