import { error, fail } from '@sveltejs/kit';
import * as v from 'valibot';
import { isOrgRole } from '#lib/domain/permissions.ts';
import { Email, LIMITS } from '#lib/domain/validation.ts';
import { DAY } from '#lib/server/auth/token.ts';
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
import { invitationMail } from './invitation-mail.server.ts';
import { requireAdmin } from '../admin.server.ts';
import type { Actions, PageServerLoad } from './$types';

/** The form's order: the usual choice first (a reset form falls back to it). */
const ROLE_ORDER = ['member', 'manager', 'guest'] as const;

export const load: PageServerLoad = async ({ locals, url }) => {
	const { user, membership } = requireAdmin(locals, url, 'org.invite');
	const { db, mail } = locals;
	const boards = await listBoardsForUser(db, user.id);
	return {
		organizationName: membership.organizationName,
		roles: ROLE_ORDER.filter((role) => invitableRoles(membership.role).includes(role)),
		boards: boards.filter((b) => b.organizationId === membership.organizationId).map(({ id, name }) => ({ id, name })),
		invitations: await listInvitations(db, membership.organizationId),
		days: INVITATION_DAYS,
		companyMax: LIMITS.boardName,
		emailMax: LIMITS.email,
		/** Whether SMTP is configured: the form then offers to e-mail the link. */
		mailEnabled: mail.enabled
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
			days: String(form.get('days') ?? '').slice(0, 10),
			email: String(form.get('email') ?? '').slice(0, LIMITS.email + 1)
		};
		// A role the inviter may not hand out is a tampered form, not a typo.
		if (isOrgRole(echo.role) && !invitableRoles(membership.role).includes(echo.role)) error(403);
		const { db, mail } = locals;
		const parsed = v.safeParse(InvitationInput, { ...echo, boardId: echo.boardId || null });
		// The address is only read when mail is configured; empty means "just show the link".
		const email = mail.enabled && echo.email.trim() ? v.safeParse(Email, echo.email) : null;
		if (!parsed.success || email?.success === false) {
			const invalid = parsed.success ? [] : Object.keys(v.flatten<typeof InvitationInput>(parsed.issues).nested ?? {});
			if (email?.success === false) invalid.push('email');
			return fail(400, { action: 'create' as const, ...echo, invalid });
		}
		const input = parsed.output;
		const boardId = input.role === 'guest' ? null : input.boardId;
		const board = boardId ? await findBoardForUser(db, boardId, user.id) : null;
		if (boardId && board?.organizationId !== membership.organizationId) {
			return fail(400, { action: 'create' as const, ...echo, invalid: ['boardId'] });
		}
		const now = Date.now();
		const company = input.role === 'guest' ? input.company : null;
		const invitation = {
			organizationId: membership.organizationId,
			createdBy: user.id,
			role: input.role,
			company,
			boardId,
			days: input.days
		};
		const to = email?.success ? email.output : null;
		// The invitation and its e-mail are stored together; the outbox sends the mail shortly after.
		const link = await db.transaction().execute(async (trx) => {
			const link = new URL(`/invite/${await createInvitation(trx, invitation, now)}`, url).href;
			if (to) {
				const message = invitationMail({
					to,
					link,
					inviter: user.name,
					organization: membership.organizationName,
					role: input.role,
					company,
					expiresAt: now + input.days * DAY
				});
				await mail.enqueue(trx, message);
			}
			return link;
		});
		return { action: 'create' as const, link, ...(to ? { mail: { to } } : {}) };
	},
	revoke: async ({ locals, url, request }) => {
		const { membership } = requireAdmin(locals, url, 'org.invite');
		const id = (await request.formData()).get('id');
		const { db } = locals;
		const invitation = typeof id === 'string' ? await findInvitationById(db, membership.organizationId, id) : null;
		if (!invitation || typeof id !== 'string') error(404);
		if (!invitableRoles(membership.role).includes(invitation.role)) error(403);
		if (!(await revokeInvitation(db, id))) return fail(409, { action: 'revoke' as const, id, notPending: true });
		return { action: 'revoke' as const, id, revoked: true };
	}
};
