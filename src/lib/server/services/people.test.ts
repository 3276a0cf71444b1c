import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrgRole } from '#lib/domain/permissions.ts';
import { openTempDatabase, type TempDatabase } from '../../../../tests/factories/db.ts';
import { createPerson } from '../../../../tests/factories/people.ts';
import type { Db } from '../db/open.ts';
import { createAccountWithOrganization } from './accounts.ts';
import { createBoard, findBoardForUser } from './boards.ts';
import { putGrant } from './board-access.ts';
import { changeRole, controlsFor, judgePeopleChange, listPeople, removePerson } from './people.ts';
import { addTeamMember, createTeam } from './teams.ts';

let temp: TempDatabase;
let db: Db;

beforeAll(async () => {
	temp = await openTempDatabase('bouture-people-');
	db = temp.db;
});
afterAll(() => temp.dispose());

let count = 0;
/** A fresh organisation owned by a new person. */
async function organisation(): Promise<{ organizationId: string; ownerId: string }> {
	count += 1;
	const account = await createAccountWithOrganization(db, {
		name: `Owner ${count}`,
		email: `owner-${count}@example.test`,
		password: 'correct horse battery',
		organization: `Org ${count}`
	});
	if (!account) throw new Error('email taken');
	return { organizationId: account.organizationId, ownerId: account.userId };
}

const person = (id: string, role: OrgRole) => ({ id, role });

describe('judgePeopleChange', () => {
	const owner = person('o1', 'owner');
	const manager = person('m1', 'manager');

	it('refuses any change to oneself, even by an owner', () => {
		expect(judgePeopleChange({ actor: owner, target: owner, next: 'member', owners: 2 })).toBe('self');
		expect(judgePeopleChange({ actor: owner, target: owner, next: null, owners: 2 })).toBe('self');
	});

	it('never leaves the organisation without an owner', () => {
		const other = person('o2', 'owner');
		expect(judgePeopleChange({ actor: owner, target: other, next: 'manager', owners: 1 })).toBe('last_owner');
		expect(judgePeopleChange({ actor: owner, target: other, next: null, owners: 1 })).toBe('last_owner');
		expect(judgePeopleChange({ actor: owner, target: other, next: 'manager', owners: 2 })).toBeNull();
		expect(judgePeopleChange({ actor: owner, target: other, next: 'owner', owners: 1 })).toBeNull();
	});

	it('keeps a manager to members and guests: no owner or manager touched, none made', () => {
		const member = person('u1', 'member');
		expect(judgePeopleChange({ actor: manager, target: member, next: 'guest', owners: 1 })).toBeNull();
		expect(judgePeopleChange({ actor: manager, target: member, next: null, owners: 1 })).toBeNull();
		expect(judgePeopleChange({ actor: manager, target: member, next: 'manager', owners: 1 })).toBe('forbidden');
		expect(judgePeopleChange({ actor: manager, target: member, next: 'owner', owners: 1 })).toBe('forbidden');
		expect(judgePeopleChange({ actor: manager, target: owner, next: 'member', owners: 2 })).toBe('forbidden');
		expect(judgePeopleChange({ actor: manager, target: owner, next: null, owners: 2 })).toBe('forbidden');
		const other = person('m2', 'manager');
		expect(judgePeopleChange({ actor: manager, target: other, next: 'member', owners: 1 })).toBe('forbidden');
	});

	it('gives members and guests no say at all', () => {
		const target = person('u2', 'guest');
		for (const role of ['member', 'guest'] as const) {
			expect(judgePeopleChange({ actor: person('x', role), target, next: 'member', owners: 1 })).toBe('forbidden');
		}
	});

	it('offers a manager no control over an owner, and only member or guest for a member', () => {
		expect(controlsFor(manager, owner, 1)).toEqual({ roles: [], removable: false });
		expect(controlsFor(manager, person('u3', 'member'), 1)).toEqual({ roles: ['member', 'guest'], removable: true });
		expect(controlsFor(owner, owner, 1)).toEqual({ roles: [], removable: false });
	});
});

describe('changeRole and removePerson', () => {
	it('a manager cannot demote an owner or promote to manager; an owner can', async () => {
		const { organizationId, ownerId } = await organisation();
		const manager = await createPerson(db, organizationId, 'Manon', 'manager');
		const member = await createPerson(db, organizationId, 'Marc');
		const base = { organizationId, company: null };
		expect(await changeRole(db, { ...base, actorId: manager.userId, targetId: ownerId, role: 'member' })).toBe(
			'forbidden'
		);
		expect(await changeRole(db, { ...base, actorId: manager.userId, targetId: member.userId, role: 'manager' })).toBe(
			'forbidden'
		);
		expect(await changeRole(db, { ...base, actorId: ownerId, targetId: member.userId, role: 'manager' })).toBe('ok');
		const roles = Object.fromEntries((await listPeople(db, organizationId)).map((p) => [p.id, p.role]));
		expect(roles).toEqual({ [ownerId]: 'owner', [manager.userId]: 'manager', [member.userId]: 'manager' });
	});

	it('the last owner cannot be demoted or removed, not even by themselves', async () => {
		const { organizationId, ownerId } = await organisation();
		const base = { organizationId, actorId: ownerId, targetId: ownerId, company: null };
		expect(await changeRole(db, { ...base, role: 'member' })).toBe('self');
		expect(await removePerson(db, organizationId, ownerId, ownerId)).toBe('self');
		// A second owner may step the first one down, and then be the one that cannot leave.
		const second = await createPerson(db, organizationId, 'Sophie', 'owner');
		expect(await changeRole(db, { ...base, actorId: second.userId, role: 'manager' })).toBe('ok');
		// Now a manager, the first cannot touch the one owner left.
		expect(await changeRole(db, { ...base, targetId: second.userId, role: 'member' })).toBe('forbidden');
		expect(await removePerson(db, organizationId, ownerId, second.userId)).toBe('forbidden');
		const people = await listPeople(db, organizationId);
		expect(people.filter((p) => p.role === 'owner').map((p) => p.id)).toEqual([second.userId]);
	});

	it('someone of another organisation is not found', async () => {
		const mine = await organisation();
		const theirs = await organisation();
		const outcome = await removePerson(db, mine.organizationId, mine.ownerId, theirs.ownerId);
		expect(outcome).toBe('not_found');
	});

	it('a guest needs a company; a guest becoming a member loses it', async () => {
		const { organizationId, ownerId } = await organisation();
		const member = await createPerson(db, organizationId, 'Gaël');
		const base = { organizationId, actorId: ownerId, targetId: member.userId };
		expect(await changeRole(db, { ...base, role: 'guest', company: null })).toBe('company_required');
		expect(await changeRole(db, { ...base, role: 'guest', company: 'Brasserie Dupont' })).toBe('ok');
		expect((await listPeople(db, organizationId)).find((p) => p.id === member.userId)?.company).toBe(
			'Brasserie Dupont'
		);
		expect(await changeRole(db, { ...base, role: 'member', company: 'ignored' })).toBe('ok');
		expect((await listPeople(db, organizationId)).find((p) => p.id === member.userId)?.company).toBeNull();
	});

	it('a member turned guest leaves the teams and access lists, and no longer opens boards', async () => {
		const { organizationId, ownerId } = await organisation();
		const member = await createPerson(db, organizationId, 'Hugo');
		const { boardId, teamId } = await teamAndGrant(organizationId, member.userId);
		expect(await findBoardForUser(db, boardId, member.userId)).not.toBeNull();
		const change = { organizationId, actorId: ownerId, targetId: member.userId, company: 'Partenaire' };
		expect(await changeRole(db, { ...change, role: 'guest' })).toBe('ok');
		expect(await findBoardForUser(db, boardId, member.userId)).toBeNull();
		expect(await traces(member.userId)).toEqual({ teams: [], grants: [], sessions: 1 });
		// The team itself stays.
		expect(await db.selectFrom('team').select('id').where('id', '=', teamId).executeTakeFirst()).toBeDefined();
	});

	it('removal cleans up membership, teams and grants, and ends the sessions of someone left with nowhere', async () => {
		const { organizationId, ownerId } = await organisation();
		const member = await createPerson(db, organizationId, 'Iris');
		await teamAndGrant(organizationId, member.userId);
		expect(await removePerson(db, organizationId, ownerId, member.userId)).toBe('ok');
		expect(await traces(member.userId)).toEqual({ teams: [], grants: [], sessions: 0 });
		expect((await listPeople(db, organizationId)).map((p) => p.id)).toEqual([ownerId]);
	});

	it('someone who still has another organisation keeps their sessions and what they have there', async () => {
		const mine = await organisation();
		const theirs = await organisation();
		await db
			.insertInto('membership')
			.values({ organization_id: mine.organizationId, user_id: theirs.ownerId, role: 'member', created_at: 1 })
			.execute();
		await teamAndGrant(mine.organizationId, theirs.ownerId);
		const { teamId: keptTeam } = await teamAndGrant(theirs.organizationId, theirs.ownerId);
		await db.insertInto('session').values(fakeSession(theirs.ownerId)).execute();
		expect(await removePerson(db, mine.organizationId, mine.ownerId, theirs.ownerId)).toBe('ok');
		const left = await traces(theirs.ownerId);
		expect(left.teams).toEqual([keptTeam]);
		expect(left.grants).toHaveLength(1);
		expect(left.sessions).toBe(1);
	});
});

/** A team with the person in it, and a board where they have their own line in the access list. */
async function teamAndGrant(organizationId: string, userId: string) {
	const teamId = await createTeam(db, organizationId, { name: `Team ${userId}`, color: '#2f7d4f' });
	if (!teamId) throw new Error('team name taken');
	expect(await addTeamMember(db, organizationId, teamId, userId)).toBe('ok');
	const boardId = await createBoard(db, organizationId, 'Board');
	await putGrant(db, boardId, { subject: 'user', subjectId: userId, level: 'read' });
	return { boardId, teamId };
}

async function traces(userId: string) {
	const teams = await db.selectFrom('team_member').select('team_id').where('user_id', '=', userId).execute();
	const grants = await db.selectFrom('board_grant').select('board_id').where('subject_id', '=', userId).execute();
	const sessions = await db.selectFrom('session').select('id').where('user_id', '=', userId).execute();
	return { teams: teams.map((t) => t.team_id), grants: grants.map((g) => g.board_id), sessions: sessions.length };
}

function fakeSession(userId: string) {
	return { id: `s-${userId}`, user_id: userId, expires_at: Date.now() + 60_000, created_at: null, user_agent: null };
}
