import { ASSIGNABLE_ROLES, type OrgRole } from '#lib/domain/permissions.ts';
import { lockRow } from '../db/lock.ts';
import type { Db } from '../db/open.ts';

/** One person of an organisation, as the people page lists them. */
export interface Person {
	id: string;
	name: string;
	email: string;
	color: string;
	role: OrgRole;
	/** Guests only: their partner or client company. */
	company: string | null;
	teams: { id: string; name: string; color: string }[];
}

export async function listPeople(db: Db, organizationId: string): Promise<Person[]> {
	const rows = await db
		.selectFrom('membership')
		.innerJoin('user', 'user.id', 'membership.user_id')
		.select(['user.id', 'user.name', 'user.email', 'user.color', 'membership.role', 'membership.company'])
		.where('membership.organization_id', '=', organizationId)
		.orderBy('user.name')
		.execute();
	const teams = await db
		.selectFrom('team_member')
		.innerJoin('team', 'team.id', 'team_member.team_id')
		.select(['team_member.user_id', 'team.id', 'team.name', 'team.color'])
		.where('team.organization_id', '=', organizationId)
		.orderBy('team.name')
		.execute();
	return rows.map((row) => ({
		...row,
		teams: teams.filter((t) => t.user_id === row.id).map(({ id, name, color }) => ({ id, name, color }))
	}));
}

/** Why a change of someone's role (or their removal) is refused. */
export type PeopleRefusal = 'self' | 'forbidden' | 'last_owner';

export interface PeopleChange {
	actor: { id: string; role: OrgRole };
	target: { id: string; role: OrgRole };
	/** The role the target would have; null removes them from the organisation. */
	next: OrgRole | null;
	/** How many owners the organisation has now. */
	owners: number;
}

export function assignableBy(role: OrgRole): readonly OrgRole[] {
	return role === 'owner' || role === 'manager' ? ASSIGNABLE_ROLES[role] : [];
}

/**
 * The rules of the people page, in one place: nobody changes or removes themselves; one acts only on
 * people whose role one may hand out, and only towards such a role (so a manager never touches an
 * owner or a manager); the organisation always keeps an owner.
 */
export function judgePeopleChange({ actor, target, next, owners }: PeopleChange): PeopleRefusal | null {
	if (actor.id === target.id) return 'self';
	const assignable = assignableBy(actor.role);
	if (!assignable.includes(target.role)) return 'forbidden';
	if (next !== null && !assignable.includes(next)) return 'forbidden';
	if (target.role === 'owner' && next !== 'owner' && owners <= 1) return 'last_owner';
	return null;
}

/** What the page offers the actor for one person: the roles to choose from (none: read-only) and removal. */
export function controlsFor(
	actor: PeopleChange['actor'],
	target: PeopleChange['target'],
	owners: number
): { roles: readonly OrgRole[]; removable: boolean } {
	const mayEdit = judgePeopleChange({ actor, target, next: target.role, owners }) === null;
	return {
		roles: mayEdit ? assignableBy(actor.role) : [],
		removable: judgePeopleChange({ actor, target, next: null, owners }) === null
	};
}

export type PeopleOutcome = 'ok' | 'not_found' | 'company_required' | PeopleRefusal;

export interface RoleChange {
	organizationId: string;
	actorId: string;
	targetId: string;
	role: OrgRole;
	/** For a guest: their company (kept from before when not given). Ignored for other roles. */
	company: string | null;
}

/**
 * Gives someone a new role. A person who becomes a guest leaves the organisation's teams and its
 * boards' access lists (guests see only the portal). The caller re-judges their open connections.
 */
export async function changeRole(db: Db, change: RoleChange): Promise<PeopleOutcome> {
	const { organizationId, targetId, role } = change;
	return db.transaction().execute(async (trx) => {
		const judged = await judge(trx, organizationId, change.actorId, targetId, role);
		if (typeof judged === 'string') return judged;
		const company = role === 'guest' ? (change.company ?? judged.target.company) : null;
		if (role === 'guest' && !company) return 'company_required';
		await trx
			.updateTable('membership')
			.set({ role, company })
			.where('organization_id', '=', organizationId)
			.where('user_id', '=', targetId)
			.execute();
		if (role === 'guest') await leaveTeamsAndBoards(trx, organizationId, targetId);
		return 'ok';
	});
}

/**
 * Takes someone out of the organisation: their membership, teams and board access there. Someone left
 * with no organisation at all is also signed out everywhere. The caller re-judges their connections.
 */
export async function removePerson(
	db: Db,
	organizationId: string,
	actorId: string,
	targetId: string
): Promise<PeopleOutcome> {
	return db.transaction().execute(async (trx) => {
		const judged = await judge(trx, organizationId, actorId, targetId, null);
		if (typeof judged === 'string') return judged;
		await trx
			.deleteFrom('membership')
			.where('organization_id', '=', organizationId)
			.where('user_id', '=', targetId)
			.execute();
		await leaveTeamsAndBoards(trx, organizationId, targetId);
		const elsewhere = await trx.selectFrom('membership').select('user_id').where('user_id', '=', targetId).execute();
		if (elsewhere.length === 0) await trx.deleteFrom('session').where('user_id', '=', targetId).execute();
		return 'ok';
	});
}

/**
 * Reads both people's roles and the owner count inside the transaction that acts on them, the
 * organisation locked meanwhile (two owners demoting each other at once must not leave it with none).
 */
async function judge(
	db: Db,
	organizationId: string,
	actorId: string,
	targetId: string,
	next: OrgRole | null
): Promise<PeopleOutcome | { target: { role: OrgRole; company: string | null } }> {
	await lockRow(db, 'organization', organizationId);
	const rows = await db
		.selectFrom('membership')
		.select(['user_id', 'role', 'company'])
		.where('organization_id', '=', organizationId)
		.execute();
	const actor = rows.find((r) => r.user_id === actorId);
	const target = rows.find((r) => r.user_id === targetId);
	if (!actor) return 'forbidden';
	if (!target) return 'not_found';
	const owners = rows.filter((r) => r.role === 'owner').length;
	const refusal = judgePeopleChange({
		actor: { id: actorId, role: actor.role },
		target: { id: targetId, role: target.role },
		next,
		owners
	});
	return refusal ?? { target };
}

async function leaveTeamsAndBoards(db: Db, organizationId: string, userId: string): Promise<void> {
	await db
		.deleteFrom('team_member')
		.where('user_id', '=', userId)
		.where('team_id', 'in', db.selectFrom('team').select('id').where('organization_id', '=', organizationId))
		.execute();
	await db
		.deleteFrom('board_grant')
		.where('subject', '=', 'user')
		.where('subject_id', '=', userId)
		.where('board_id', 'in', db.selectFrom('board').select('id').where('organization_id', '=', organizationId))
		.execute();
}
