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
	const { db, mailer } = locals;
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
		mailEnabled: mailer !== null
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
		const { db, mailer } = locals;
		const parsed = v.safeParse(InvitationInput, { ...echo, boardId: echo.boardId || null });
		// The address is only read when mail is configured; empty means "just show the link".
		const email = mailer && echo.email.trim() ? v.safeParse(Email, echo.email) : null;
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
		const token = await createInvitation(
			db,
			{
				organizationId: membership.organizationId,
				createdBy: user.id,
				role: input.role,
				company,
				boardId,
				days: input.days
			},
			now
		);
		const link = new URL(`/invite/${token}`, url).href;
		if (!mailer || !email?.success) return { action: 'create' as const, link };
		// The invitation is stored either way: a failed send only means the link must be copied by hand.
		const to = email.output;
		const message = invitationMail({
			to,
			link,
			inviter: user.name,
			organization: membership.organizationName,
			role: input.role,
			company,
			expiresAt: now + input.days * DAY
		});
		const mailed = await mailer.send(message).then(
			() => true,
			(e: unknown) => {
				console.error(`[mail] invitation to ${to} not sent: ${String(e)}`);
				return false;
			}
		);
		return { action: 'create' as const, link, mail: { to, sent: mailed } };
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
