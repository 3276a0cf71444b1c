import { error, fail } from '@sveltejs/kit';
import * as v from 'valibot';
import { LIMITS, Password } from '#lib/domain/validation.ts';
import { isCommonPassword } from '#lib/server/auth/common-passwords.ts';
import { requireUser } from '#lib/server/auth/guard.ts';
import { listSessions, revokeOtherSessions, revokeSession } from '#lib/server/auth/session.ts';
import { changePassword } from '#lib/server/services/accounts.ts';
import type { BoardDeps } from '#lib/server/deps.ts';
import { createToken, loadTokens, revokeToken } from './tokens.server.ts';
import { describeUserAgent } from './user-agent.ts';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

/** Session ids are the hex SHA-256 of their token (see auth/token.ts). */
const SESSION_ID = /^[0-9a-f]{64}$/;
const CurrentPassword = v.pipe(v.string(), v.minLength(1), v.maxLength(LIMITS.passwordMax));

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requireUser(locals, url);
	const sessions = await listSessions(locals.db, user.id);
	const current = locals.session?.id;
	return {
		email: user.email,
		failedAttempts: failedAttempts(url),
		tokens: await loadTokens(locals.db, user.id),
		// The one in use first; ids are hashes, harmless to show (the token never leaves the cookie).
		sessions: sessions
			.map(({ id, createdAt, expiresAt, userAgent }) => ({
				id,
				createdAt,
				expiresAt,
				current: id === current,
				...describeUserAgent(userAgent)
			}))
			.sort((a, b) => Number(b.current) - Number(a.current))
	};
};

/** After a login that followed failed attempts on the account (see the login action): how many. */
function failedAttempts(url: URL): number | null {
	const count = Number(url.searchParams.get('failed'));
	return Number.isInteger(count) && count > 0 && count <= 100_000 ? count : null;
}

/** The signed-in person and the session they are using right now. */
function whoIsAsking({ locals, url }: RequestEvent): { userId: string; sessionId: string } {
	const user = requireUser(locals, url);
	if (!locals.session) error(401);
	return { userId: user.id, sessionId: locals.session.id };
}

/** Ends the person's other sessions and closes the websockets that were using them. */
async function endOtherSessions({ db, sync }: BoardDeps, userId: string, sessionId: string): Promise<void> {
	await revokeOtherSessions(db, userId, sessionId);
	await sync.reassessUser(userId);
}

export const actions: Actions = {
	password: async (event) => {
		const { userId, sessionId } = whoIsAsking(event);
		const form = await event.request.formData();
		const action = 'password' as const;
		const current = v.safeParse(CurrentPassword, form.get('current'));
		if (!current.success) return fail(400, { action, error: 'wrong_current' as const });
		const next = v.safeParse(Password, form.get('next'));
		if (!next.success) return fail(400, { action, error: 'invalid_new' as const });
		if (isCommonPassword(next.output)) return fail(400, { action, error: 'common_new' as const });
		if (form.get('confirm') !== next.output) return fail(400, { action, error: 'mismatch' as const });
		const result = await changePassword(event.locals.db, userId, current.output, next.output);
		if (!result.ok) return fail(400, { action, error: 'wrong_current' as const });
		const endOthers = form.get('endOthers') === 'on';
		if (endOthers) await endOtherSessions(event.locals, userId, sessionId);
		return { action, changed: true, endedOthers: endOthers };
	},
	revoke: async (event) => {
		const { userId, sessionId } = whoIsAsking(event);
		const form = await event.request.formData();
		const target = form.get('sessionId');
		// Only another session of one's own: anyone else's is "not found", whoever owns it.
		if (typeof target !== 'string' || !SESSION_ID.test(target) || target === sessionId) error(404);
		const { db, sync } = event.locals;
		if (!(await revokeSession(db, userId, target))) error(404);
		await sync.reassessUser(userId);
		return { action: 'revoke' as const, revoked: true };
	},
	createToken,
	revokeToken,
	revokeOthers: async (event) => {
		const { userId, sessionId } = whoIsAsking(event);
		await endOtherSessions(event.locals, userId, sessionId);
		return { action: 'revokeOthers' as const, revoked: true };
	}
};
