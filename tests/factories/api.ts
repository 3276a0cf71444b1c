import type { Db } from '../../src/lib/server/db/open.ts';
import { createApiToken, type TokenAccess } from '../../src/lib/server/auth/api-tokens.ts';
import type { Member } from './accounts.ts';

/** A personal access token of `member` in their (home) organisation. */
export async function createToken(
	db: Db,
	member: Member,
	access: TokenAccess = 'write',
	expiresAt: number | null = null
): Promise<string> {
	return (
		await createApiToken(db, {
			userId: member.userId,
			organizationId: member.organizationId,
			name: 'test',
			access,
			expiresAt
		})
	).token;
}

/** The API's JSON as a test reads it: any shape, checked by the assertions. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type ApiJson = any;

/** Calls the REST API with a bearer token; the body is parsed JSON (null when empty). */
export async function callApi(
	baseUrl: string,
	token: string | null,
	method: 'GET' | 'POST',
	path: string,
	body?: unknown
): Promise<{ status: number; body: ApiJson; headers: Headers }> {
	const headers: Record<string, string> = {};
	if (token) headers.Authorization = `Bearer ${token}`;
	if (body !== undefined) headers['Content-Type'] = 'application/json';
	const res = await fetch(`${baseUrl}/api/v1${path}`, {
		method,
		headers,
		body: body === undefined ? undefined : JSON.stringify(body)
	});
	const text = await res.text();
	return { status: res.status, body: text ? JSON.parse(text) : null, headers: res.headers };
}
