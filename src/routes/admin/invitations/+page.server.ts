import { error, fail } from '@sveltejs/kit';
import * as v from 'valibot';
import { isOrgRole } from '#lib/domain/permissions.ts';
import { LIMITS } from '#lib/domain/validation.ts';
import { getRuntime } from '#lib/server/runtime.ts';
import { findBoardForUser, listBoardsForUser } from '#lib/server/services/boards.ts';
import {
	createInvitation,
	findInvitationById,
	INVITATION_DAYS,
	InvitationInput,
	invitableRoles,
	listInvitations,
	revokeInvitation
} from '#lib/server/services/invitations.ts';
import { requireAdmin } from '../admin.server.ts';
import type { Actions, PageServerLoad } from './$types';

/** The form's order: the usual choice first (a reset form falls back to it). */
const ROLE_ORDER = ['member', 'manager', 'guest'] as const;

export const load: PageServerLoad = async ({ locals, url }) => {
	const { user, membership } = requireAdmin(locals, url, 'org.invite');
	const { db } = getRuntime();
	const boards = await listBoardsForUser(db, user.id);
	return {
		organizationName: membership.organizationName,
		roles: ROLE_ORDER.filter((role) => invitableRoles(membership.role).includes(role)),
		boards: boards.filter((b) => b.organizationId === membership.organizationId).map(({ id, name }) => ({ id, name })),
		invitations: await listInvitations(db, membership.organizationId),
		days: INVITATION_DAYS,
		companyMax: LIMITS.boardName
	};
};

export const actions: Actions = {
	create: async ({ locals, url, request }) => {
		const { user, membership } = requireAdmin(locals, url, 'org.invite');
		const form = await request.formData();
		const echo = {
			role: String(form.get('role') ?? ''),
			company: String(form.get('company') ?? '').slice(0, 200),
			boardId: String(form.get('boardId') ?? '').slice(0, 100),
			days: String(form.get('days') ?? '').slice(0, 10)
		};
		// A role the inviter may not hand out is a tampered form, not a typo.
		if (isOrgRole(echo.role) && !invitableRoles(membership.role).includes(echo.role)) error(403);
		const parsed = v.safeParse(InvitationInput, { ...echo, boardId: echo.boardId || null });
		if (!parsed.success) {
			const invalid = Object.keys(v.flatten<typeof InvitationInput>(parsed.issues).nested ?? {});
			return fail(400, { action: 'create' as const, ...echo, invalid });
		}
		const input = parsed.output;
		const { db } = getRuntime();
		const boardId = input.role === 'guest' ? null : input.boardId;
		const board = boardId ? await findBoardForUser(db, boardId, user.id) : null;
		if (boardId && board?.organizationId !== membership.organizationId) {
			return fail(400, { action: 'create' as const, ...echo, invalid: ['boardId'] });
		}
		const token = await createInvitation(db, {
			organizationId: membership.organizationId,
			createdBy: user.id,
			role: input.role,
			company: input.role === 'guest' ? input.company : null,
			boardId,
			days: input.days
		});
		return { action: 'create' as const, link: new URL(`/invite/${token}`, url).href };
	},
	revoke: async ({ locals, url, request }) => {
		const { membership } = requireAdmin(locals, url, 'org.invite');
		const id = (await request.formData()).get('id');
		const { db } = getRuntime();
		const invitation = typeof id === 'string' ? await findInvitationById(db, membership.organizationId, id) : null;
		if (!invitation || typeof id !== 'string') error(404);
		if (!invitableRoles(membership.role).includes(invitation.role)) error(403);
		if (!(await revokeInvitation(db, id))) return fail(409, { action: 'revoke' as const, id, notPending: true });
		return { action: 'revoke' as const, id, revoked: true };
	}
};
