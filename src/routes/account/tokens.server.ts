import { error, fail, type RequestEvent } from '@sveltejs/kit';
import * as v from 'valibot';
import { createApiToken, listApiTokens, revokeApiToken } from '#lib/server/auth/api-tokens.ts';
import { requireUser } from '#lib/server/auth/guard.ts';
import { DAY } from '#lib/server/auth/token.ts';
import { findHomeOrganization } from '#lib/server/services/boards.ts';
import { isId } from '#lib/domain/validation.ts';
import { TOKEN_NAME_MAX } from './token-limits.ts';

/** The account page's personal access tokens (for the REST API): list, create (shown once), revoke. */

export const TOKEN_EXPIRY_DAYS = ['', '30', '90', '365'] as const;

const TokenInput = v.object({
	name: v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(TOKEN_NAME_MAX)),
	access: v.picklist(['read', 'write']),
	expires: v.picklist(TOKEN_EXPIRY_DAYS)
});

export async function loadTokens(db: App.Locals['db'], userId: string) {
	const organization = await findHomeOrganization(db, userId);
	return { mayCreate: organization !== null, list: await listApiTokens(db, userId) };
}

export async function createToken(event: RequestEvent) {
	const user = requireUser(event.locals, event.url);
	const form = await event.request.formData();
	const action = 'createToken' as const;
	const fields = Object.fromEntries(['name', 'access', 'expires'].map((k) => [k, form.get(k)]));
	const parsed = v.safeParse(TokenInput, fields);
	if (!parsed.success) {
		const invalid = v.getDotPath(parsed.issues[0]) ?? 'name';
		return fail(400, { action, invalid, name: String(fields.name ?? '').slice(0, TOKEN_NAME_MAX) });
	}
	// Guests have no board to reach through the API: they get no token.
	const organization = await findHomeOrganization(event.locals.db, user.id);
	if (!organization) error(403);
	const { name, access, expires } = parsed.output;
	const expiresAt = expires === '' ? null : Date.now() + Number(expires) * DAY;
	const created = await createApiToken(event.locals.db, {
		userId: user.id,
		organizationId: organization.id,
		name,
		access,
		expiresAt
	});
	return { action, created: { id: created.id, name, token: created.token } };
}

export async function revokeToken(event: RequestEvent) {
	const user = requireUser(event.locals, event.url);
	const target = (await event.request.formData()).get('tokenId');
	// Only one's own token: anyone else's is "not found".
	if (!isId(target) || !(await revokeApiToken(event.locals.db, user.id, target))) error(404);
	return { action: 'revokeToken' as const, revoked: true };
}
