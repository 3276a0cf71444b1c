import * as v from 'valibot';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTempDatabase, type TempDatabase } from '../../../../tests/factories/db.ts';
import { createPerson } from '../../../../tests/factories/people.ts';
import type { Db } from '../db/open.ts';
import { createAccountWithOrganization } from './accounts.ts';
import { putGrant } from './board-access.ts';
import { createBoard, listGrants } from './boards.ts';
import {
	addTeamMember,
	createTeam,
	deleteTeam,
	listTeams,
	removeTeamMember,
	TEAM_COLORS,
	TeamInput,
	updateTeam
} from './teams.ts';

let temp: TempDatabase;
let db: Db;
let count = 0;

beforeAll(async () => {
	temp = await openTempDatabase('bouture-teams-');
	db = temp.db;
});
afterAll(() => temp.dispose());

async function organisation(): Promise<string> {
	count += 1;
	const account = await createAccountWithOrganization(db, {
		name: `Owner ${count}`,
		email: `teams-${count}@example.test`,
		password: 'correct horse battery',
		organization: `Org ${count}`
	});
	if (!account) throw new Error('email taken');
	return account.organizationId;
}

const green = TEAM_COLORS[0].value;

describe('TeamInput', () => {
	it('takes a trimmed name and a colour of the palette, in any case', () => {
		const parsed = v.parse(TeamInput, { name: '  Qualité ', color: green.toUpperCase() });
		expect(parsed).toEqual({ name: 'Qualité', color: green });
	});

	it('refuses an empty name, a malformed colour and one outside the palette', () => {
		for (const input of [
			{ name: '   ', color: green },
			{ name: 'Qualité', color: 'red' },
			{ name: 'Qualité', color: '#2f7d4' },
			{ name: 'Qualité', color: '#ffff00' },
			{ name: 'x'.repeat(61), color: green }
		]) {
			expect(v.safeParse(TeamInput, input).success, JSON.stringify(input)).toBe(false);
		}
	});
});

describe('teams', () => {
	it('creates, renames and recolours a team; names are unique in an organisation, whatever the case', async () => {
		const org = await organisation();
		const id = await createTeam(db, org, { name: 'Atelier', color: green });
		expect(id).not.toBeNull();
		expect(await createTeam(db, org, { name: 'ATELIER', color: green })).toBeNull();
		expect(await createTeam(db, await organisation(), { name: 'Atelier', color: green })).not.toBeNull();
		const other = await createTeam(db, org, { name: 'Bureau', color: green });
		expect(await updateTeam(db, org, other!, { name: 'atelier', color: green })).toBe('taken');
		expect(await updateTeam(db, org, id!, { name: 'Atelier Nord', color: TEAM_COLORS[1].value })).toBe('ok');
		const teams = await listTeams(db, org);
		expect(teams.map((t) => [t.name, t.color])).toEqual([
			['Atelier Nord', TEAM_COLORS[1].value],
			['Bureau', green]
		]);
	});

	it('only touches teams of the organisation asked about', async () => {
		const mine = await organisation();
		const theirs = await organisation();
		const team = (await createTeam(db, theirs, { name: 'Leur équipe', color: green }))!;
		const person = await createPerson(db, mine, 'Paul');
		expect(await updateTeam(db, mine, team, { name: 'Volée', color: green })).toBe('not_found');
		expect(await addTeamMember(db, mine, team, person.userId)).toBe('not_found');
		expect(await removeTeamMember(db, mine, team, person.userId)).toBe(false);
		expect(await deleteTeam(db, mine, team)).toBeNull();
		expect((await listTeams(db, theirs)).map((t) => t.name)).toEqual(['Leur équipe']);
	});

	it('takes members of the organisation, never its guests nor outsiders', async () => {
		const org = await organisation();
		const team = (await createTeam(db, org, { name: 'Qualité', color: green }))!;
		const [ana, bea] = [await createPerson(db, org, 'Ana'), await createPerson(db, org, 'Béa', 'manager')];
		const guest = await createPerson(db, org, 'Gus', 'guest');
		const outsider = await createPerson(db, await organisation(), 'Otto');
		for (const p of [ana, bea]) expect(await addTeamMember(db, org, team, p.userId)).toBe('ok');
		expect(await addTeamMember(db, org, team, ana.userId)).toBe('ok'); // twice is once
		expect(await addTeamMember(db, org, team, guest.userId)).toBe('not_found');
		expect(await addTeamMember(db, org, team, outsider.userId)).toBe('not_found');
		expect((await listTeams(db, org))[0]?.members.map((m) => m.name)).toEqual(['Ana', 'Béa']);
		expect(await removeTeamMember(db, org, team, ana.userId)).toBe(true);
		expect(await removeTeamMember(db, org, team, ana.userId)).toBe(false);
		expect((await listTeams(db, org))[0]?.members.map((m) => m.name)).toEqual(['Béa']);
	});

	it('deleting a team removes its memberships and its lines in access lists, and names its former members', async () => {
		const org = await organisation();
		const team = (await createTeam(db, org, { name: 'Logistique', color: green }))!;
		const ana = await createPerson(db, org, 'Ana');
		await addTeamMember(db, org, team, ana.userId);
		const board = await createBoard(db, org, 'Board');
		await putGrant(db, board, { subject: 'team', subjectId: team, level: 'edit' });
		await putGrant(db, board, { subject: 'user', subjectId: ana.userId, level: 'read' });
		expect(await deleteTeam(db, org, team)).toEqual([ana.userId]);
		expect(await listTeams(db, org)).toEqual([]);
		expect(await db.selectFrom('team_member').selectAll().where('team_id', '=', team).execute()).toEqual([]);
		expect(await listGrants(db, board)).toEqual([{ subject: 'user', subjectId: ana.userId, level: 'read' }]);
	});
});
