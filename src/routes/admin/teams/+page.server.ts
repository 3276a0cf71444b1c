import { error, fail } from '@sveltejs/kit';
import * as v from 'valibot';
import { ID_PATTERN } from '#lib/domain/validation.ts';
import { listDirectory } from '#lib/server/services/directory.ts';
import * as teams from '#lib/server/services/teams.ts';
import type { Rooms } from '#lib/server/deps.ts';
import type { Actions, PageServerLoad } from './$types';
import { requireAdmin } from '../admin.server.ts';

const Id = v.pipe(v.string(), v.regex(ID_PATTERN));
const TeamRef = v.object({ teamId: Id });
const MemberRef = v.object({ teamId: Id, userId: Id });

export const load: PageServerLoad = async ({ locals, url }) => {
	const { membership } = requireAdmin(locals, url);
	const { db } = locals;
	return {
		teams: await teams.listTeams(db, membership.organizationId),
		// Who may join a team: the organisation's people except its guests.
		members: (await listDirectory(db, membership.organizationId)).members,
		palette: teams.TEAM_COLORS,
		nameMax: teams.TEAM_NAME_MAX
	};
};

/** The form's fields as an object, for valibot. */
async function fields(request: Request): Promise<Record<string, FormDataEntryValue>> {
	return Object.fromEntries(await request.formData());
}

/** A change of team membership may open or close restricted boards: their connections are judged again. */
async function reassess(rooms: Rooms, userIds: string[]): Promise<void> {
	for (const userId of userIds) await rooms.reassessUser(userId);
}

export const actions: Actions = {
	create: async ({ locals, url, request }) => {
		const { membership } = requireAdmin(locals, url);
		const form = await fields(request);
		const input = v.safeParse(teams.TeamInput, form);
		// The name is echoed back so nothing typed is lost; it is the person's own input.
		const name = typeof form.name === 'string' ? form.name : '';
		if (!input.success) return fail(400, { action: 'create' as const, name, error: 'invalid' as const });
		const id = await teams.createTeam(locals.db, membership.organizationId, input.output);
		if (!id) return fail(409, { action: 'create' as const, name, error: 'taken' as const });
		return { action: 'create' as const, teamId: id, done: true };
	},
	update: async ({ locals, url, request }) => {
		const { membership } = requireAdmin(locals, url);
		const form = await fields(request);
		const ref = v.safeParse(TeamRef, form);
		if (!ref.success) error(404);
		const { teamId } = ref.output;
		const input = v.safeParse(teams.TeamInput, form);
		if (!input.success) return fail(400, { action: 'update' as const, teamId, error: 'invalid' as const });
		const outcome = await teams.updateTeam(locals.db, membership.organizationId, teamId, input.output);
		if (outcome === 'not_found') error(404);
		if (outcome === 'taken') return fail(409, { action: 'update' as const, teamId, error: 'taken' as const });
		return { action: 'update' as const, teamId, done: true };
	},
	delete: async ({ locals, url, request }) => {
		const { membership } = requireAdmin(locals, url);
		const ref = v.safeParse(TeamRef, await fields(request));
		if (!ref.success) error(404);
		const members = await teams.deleteTeam(locals.db, membership.organizationId, ref.output.teamId);
		if (!members) error(404);
		await reassess(locals.sync, members);
		return { action: 'delete' as const, done: true };
	},
	addMember: async ({ locals, url, request }) => {
		const { membership } = requireAdmin(locals, url);
		const ref = v.safeParse(MemberRef, await fields(request));
		if (!ref.success) return fail(400, { action: 'members' as const, error: 'invalid' as const });
		const { teamId, userId } = ref.output;
		const outcome = await teams.addTeamMember(locals.db, membership.organizationId, teamId, userId);
		if (outcome === 'not_found') error(404);
		await reassess(locals.sync, [userId]);
		return { action: 'members' as const, teamId, done: true };
	},
	removeMember: async ({ locals, url, request }) => {
		const { membership } = requireAdmin(locals, url);
		const ref = v.safeParse(MemberRef, await fields(request));
		if (!ref.success) error(404);
		const { teamId, userId } = ref.output;
		if (!(await teams.removeTeamMember(locals.db, membership.organizationId, teamId, userId))) error(404);
		await reassess(locals.sync, [userId]);
		return { action: 'members' as const, teamId, done: true };
	}
};
