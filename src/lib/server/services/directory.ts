import type { Db } from '../db/open.ts';

export interface DirectoryPerson {
	id: string;
	name: string;
	color: string;
}

export interface DirectoryTeam {
	id: string;
	name: string;
	color: string;
}

/** Names of the organisation's owners and managers: the people who may create teams. */
export async function listAdminNames(db: Db, organizationId: string): Promise<string[]> {
	const rows = await db
		.selectFrom('membership')
		.innerJoin('user', 'user.id', 'membership.user_id')
		.select('user.name')
		.where('membership.organization_id', '=', organizationId)
		.where('membership.role', 'in', ['owner', 'manager'])
		.orderBy('user.name')
		.execute();
	return rows.map((r) => r.name);
}

/** The organisation's members (guests excluded) and teams, by name: who may own or join an initiative. */
export async function listDirectory(
	db: Db,
	organizationId: string
): Promise<{ members: DirectoryPerson[]; teams: DirectoryTeam[] }> {
	const members = await db
		.selectFrom('membership')
		.innerJoin('user', 'user.id', 'membership.user_id')
		.select(['user.id', 'user.name', 'user.color'])
		.where('membership.organization_id', '=', organizationId)
		.where('membership.role', '!=', 'guest')
		.orderBy('user.name')
		.execute();
	const teams = await db
		.selectFrom('team')
		.select(['id', 'name', 'color'])
		.where('organization_id', '=', organizationId)
		.orderBy('name')
		.execute();
	return { members, teams };
}
