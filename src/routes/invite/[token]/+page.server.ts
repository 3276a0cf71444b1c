import { error, fail, redirect } from '@sveltejs/kit';
import * as v from 'valibot';
import { Email, Password, PersonName } from '#lib/domain/validation.ts';
import { m } from '#lib/paraglide/messages.js';
import { isCommonPassword } from '#lib/server/auth/common-passwords.ts';
import { startSession } from '#lib/server/auth/login.ts';
import { hit, RATE_LIMITS } from '#lib/server/rate-limit.ts';
import { requireUser } from '#lib/server/auth/guard.ts';
import type { Db } from '#lib/server/db/open.ts';
import { findBoardForUser } from '#lib/server/services/boards.ts';
import {
	acceptInvitation,
	createAccountFromInvitation,
	findInvitation,
	type Accepted
} from '#lib/server/services/invitations.ts';
import { findMembership } from '#lib/server/services/memberships.ts';
import type { Actions, PageServerLoad } from './$types';

const SignupFields = v.object({ name: PersonName, email: Email, password: Password });

/** Each look-up of a token counts: guessing tokens from one address soon gets 429. */
async function limitChecks(db: Db, ip: string): Promise<number | null> {
	const verdict = await hit(db, RATE_LIMITS.invitationChecksPerIp, ip);
	return verdict.ok ? null : Math.ceil(verdict.retryAfterMs / 1000);
}

export const load: PageServerLoad = async ({ locals, params, getClientAddress }) => {
	const { db } = locals;
	const wait = await limitChecks(db, getClientAddress());
	if (wait !== null) error(429, m.rate_limited({ seconds: wait }));
	const invitation = await findInvitation(db, params.token);
	// Nothing about the organisation leaks from a link that cannot be used.
	if (!invitation) return { state: 'invalid' as const };
	if (invitation.status !== 'pending') return { state: invitation.status };
	const member = locals.user ? await findMembership(db, invitation.organizationId, locals.user.id) : null;
	return {
		state: 'pending' as const,
		organizationName: invitation.organizationName,
		role: invitation.role,
		company: invitation.company,
		signedInAs: locals.user?.name ?? null,
		alreadyMember: member !== null
	};
};

export const actions: Actions = {
	signup: async ({ request, locals, cookies, url, params, getClientAddress }) => {
		const form = await request.formData();
		const echo = {
			name: String(form.get('name') ?? '').slice(0, 200),
			email: String(form.get('email') ?? '').slice(0, 300)
		};
		const { db } = locals;
		const wait = await limitChecks(db, getClientAddress());
		if (wait !== null) return fail(429, { action: 'signup' as const, ...echo, invalid: [], seconds: wait });
		const parsed = v.safeParse(SignupFields, { ...echo, password: form.get('password') });
		if (!parsed.success) {
			const invalid = Object.keys(v.flatten<typeof SignupFields>(parsed.issues).nested ?? {});
			return fail(400, { action: 'signup' as const, ...echo, invalid });
		}
		if (isCommonPassword(parsed.output.password)) {
			return fail(400, { action: 'signup' as const, ...echo, invalid: ['password'], common: true });
		}
		const result = await createAccountFromInvitation(db, params.token, parsed.output);
		if (!result.ok && result.reason === 'email_taken') {
			return fail(409, { action: 'signup' as const, ...echo, invalid: [], taken: true });
		}
		if (!result.ok) return fail(410, { action: 'signup' as const, refused: result.reason });
		await startSession(db, cookies, url, result.userId, request.headers.get('user-agent'));
		redirect(303, await landing(db, result));
	},
	accept: async ({ locals, url, params, getClientAddress }) => {
		const user = requireUser(locals, url);
		const { db, sync } = locals;
		const wait = await limitChecks(db, getClientAddress());
		if (wait !== null) return fail(429, { action: 'accept' as const, seconds: wait });
		const result = await acceptInvitation(db, params.token, user.id);
		if (!result.ok) {
			const status = result.reason === 'already_member' ? 409 : 410;
			return fail(status, { action: 'accept' as const, refused: result.reason });
		}
		// A new membership changes what this person may open: re-judge their open sockets.
		await sync.reassessUser(user.id);
		redirect(303, await landing(db, result));
	}
};

/** Guests go to their portal; others to the invitation's board if they may open it, else their boards. */
async function landing(db: Db, accepted: Accepted): Promise<string> {
	const { role, boardId } = accepted.invitation;
	if (role === 'guest') return '/portal';
	const board = boardId ? await findBoardForUser(db, boardId, accepted.userId) : null;
	return board ? `/b/${board.id}` : '/boards';
}
