import type { Db } from '../db/open.ts';
import { newId } from '../ids.ts';
import { generateSessionToken, sessionIdFromToken } from './token.ts';

/**
 * Personal access tokens for the REST API. Like sessions, only the SHA-256 of a token is stored: the
 * token is shown once, when created. A token acts for its owner in one organisation, reading only or
 * also writing; it is refused once expired, revoked (deleted), or when its owner left the organisation.
 */

export type TokenAccess = 'read' | 'write';

/** Recognisable in logs and secret scanners; the rest is 160 random bits, as for sessions. */
const PREFIX = 'bt_';
/** last_used_at is written at most this often per token: a busy client does not write on every call. */
const LAST_USED_STEP = 60_000;

export interface NewApiToken {
	userId: string;
	organizationId: string;
	name: string;
	access: TokenAccess;
	expiresAt: number | null;
}

export interface ApiTokenSummary {
	id: string;
	name: string;
	access: TokenAccess;
	organizationName: string;
	createdAt: number;
	expiresAt: number | null;
	lastUsedAt: number | null;
}

/** The caller a valid token stands for. */
export interface ApiCaller {
	tokenId: string;
	userId: string;
	organizationId: string;
	access: TokenAccess;
}

/** Creates a token and returns it: the only time it exists in clear. */
export async function createApiToken(
	db: Db,
	input: NewApiToken,
	now = Date.now()
): Promise<{ id: string; token: string }> {
	const token = PREFIX + generateSessionToken();
	const id = newId();
	await db
		.insertInto('api_token')
		.values({
			id,
			token_hash: sessionIdFromToken(token),
			user_id: input.userId,
			organization_id: input.organizationId,
			name: input.name,
			access: input.access,
			created_at: now,
			expires_at: input.expiresAt,
			last_used_at: null
		})
		.execute();
	return { id, token };
}

export async function listApiTokens(db: Db, userId: string): Promise<ApiTokenSummary[]> {
	const rows = await db
		.selectFrom('api_token')
		.innerJoin('organization', 'organization.id', 'api_token.organization_id')
		.select(['api_token.id', 'api_token.name', 'api_token.access', 'api_token.created_at'])
		.select(['api_token.expires_at', 'api_token.last_used_at', 'organization.name as organization_name'])
		.where('api_token.user_id', '=', userId)
		.orderBy('api_token.created_at', 'desc')
		.execute();
	return rows.map((r) => ({
		id: r.id,
		name: r.name,
		access: r.access,
		organizationName: r.organization_name,
		createdAt: r.created_at,
		expiresAt: r.expires_at,
		lastUsedAt: r.last_used_at
	}));
}

/** Deletes one of `userId`'s tokens; false when no such token is theirs. */
export async function revokeApiToken(db: Db, userId: string, tokenId: string): Promise<boolean> {
	const result = await db
		.deleteFrom('api_token')
		.where('id', '=', tokenId)
		.where('user_id', '=', userId)
		.executeTakeFirst();
	return result.numDeletedRows > 0n;
}

/** Who a bearer token stands for, or null (unknown, revoked, expired, or its owner left the organisation). */
export async function authenticateApiToken(db: Db, token: string, now = Date.now()): Promise<ApiCaller | null> {
	if (!token.startsWith(PREFIX) || token.length > 100) return null;
	const row = await db
		.selectFrom('api_token')
		.innerJoin('membership', (j) =>
			j
				.onRef('membership.user_id', '=', 'api_token.user_id')
				.onRef('membership.organization_id', '=', 'api_token.organization_id')
		)
		.select(['api_token.id', 'api_token.user_id', 'api_token.organization_id', 'api_token.access'])
		.select(['api_token.expires_at', 'api_token.last_used_at'])
		.where('api_token.token_hash', '=', sessionIdFromToken(token))
		.where('membership.role', '!=', 'guest')
		.executeTakeFirst();
	if (!row || (row.expires_at !== null && now >= row.expires_at)) return null;
	if (row.last_used_at === null || now - row.last_used_at >= LAST_USED_STEP) {
		// Best effort: a busy database must not refuse an API call over a bookkeeping date.
		await db
			.updateTable('api_token')
			.set({ last_used_at: now })
			.where('id', '=', row.id)
			.execute()
			.catch((error: unknown) => console.warn(`[api] last use not recorded: ${String(error)}`));
	}
	return { tokenId: row.id, userId: row.user_id, organizationId: row.organization_id, access: row.access };
}
