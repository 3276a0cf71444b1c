import { error, fail } from '@sveltejs/kit';
import * as v from 'valibot';
import { ORG_ROLES } from '#lib/domain/permissions.ts';
import { ID_PATTERN, LIMITS } from '#lib/domain/validation.ts';
import { changeRole, controlsFor, listPeople, removePerson, type PeopleOutcome } from '#lib/server/services/people.ts';
import type { Actions, PageServerLoad } from './$types';
import { requireAdmin } from './admin.server.ts';

const UserId = v.pipe(v.string(), v.regex(ID_PATTERN));
const RoleForm = v.object({
	userId: UserId,
	role: v.picklist(ORG_ROLES),
	// Only read for a guest; an empty field keeps the company they had.
	company: v.optional(
		v.pipe(
			v.string(),
			v.trim(),
			v.maxLength(LIMITS.boardName),
			v.transform((c) => c || null)
		),
		''
	)
});

export const load: PageServerLoad = async ({ locals, url }) => {
	const { user, membership } = requireAdmin(locals, url);
	const people = await listPeople(locals.db, membership.organizationId);
	const owners = people.filter((p) => p.role === 'owner').length;
	const actor = { id: user.id, role: membership.role };
	return {
		people: people.map((person) => ({ ...person, self: person.id === user.id, ...controlsFor(actor, person, owners) }))
	};
};

/** Kit's answer to a refused change: unknown person 404, not one's to change 403, else a message. */
function refusal(action: 'role' | 'remove', userId: string, outcome: Exclude<PeopleOutcome, 'ok'>) {
	if (outcome === 'not_found') error(404);
	if (outcome === 'self' || outcome === 'forbidden') error(403);
	return fail(outcome === 'last_owner' ? 409 : 400, { action, userId, error: outcome });
}

export const actions: Actions = {
	role: async ({ locals, url, request }) => {
		const { user, membership } = requireAdmin(locals, url, 'org.people');
		const form = v.safeParse(RoleForm, Object.fromEntries(await request.formData()));
		if (!form.success) return fail(400, { action: 'role' as const, error: 'invalid' as const });
		const { userId, role, company } = form.output;
		const { db, sync } = locals;
		const organizationId = membership.organizationId;
		const outcome = await changeRole(db, { organizationId, actorId: user.id, targetId: userId, role, company });
		if (outcome !== 'ok') return refusal('role', userId, outcome);
		await sync.reassessUser(userId);
		return { action: 'role' as const, userId, saved: true };
	},
	remove: async ({ locals, url, request }) => {
		const { user, membership } = requireAdmin(locals, url, 'org.people');
		const userId = v.safeParse(UserId, (await request.formData()).get('userId'));
		if (!userId.success) return fail(400, { action: 'remove' as const, error: 'invalid' as const });
		const { db, sync } = locals;
		const outcome = await removePerson(db, membership.organizationId, user.id, userId.output);
		if (outcome !== 'ok') return refusal('remove', userId.output, outcome);
		await sync.reassessUser(userId.output);
		return { action: 'remove' as const, removed: true };
	}
};
