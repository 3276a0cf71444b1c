import type { RequestEvent } from '@sveltejs/kit';
import { authenticateApiToken, type ApiCaller } from '../auth/api-tokens.ts';
import { hit, RATE_LIMITS } from '../rate-limit.ts';
import { findBoardForUser, type BoardAccess } from '../services/boards.ts';
import { isId } from '#lib/domain/validation.ts';
import { ApiFailure, forbidden, notFound } from './respond.ts';

/**
 * Who calls the API: only an `Authorization: Bearer` token counts. The session cookie is ignored
 * here on purpose, so a page on another site cannot make a signed-in browser call the API (CSRF).
 */
export async function authenticate(event: RequestEvent): Promise<ApiCaller> {
	const header = event.request.headers.get('authorization') ?? '';
	const match = /^Bearer\s+(\S+)$/i.exec(header);
	const caller = match?.[1] ? await authenticateApiToken(event.locals.db, match[1]) : null;
	if (!caller) {
		throw new ApiFailure(401, 'unauthorized', 'A valid token is required: Authorization: Bearer <token>.', {
			headers: { 'WWW-Authenticate': 'Bearer' }
		});
	}
	const verdict = await hit(event.locals.db, RATE_LIMITS.apiCallsPerToken, caller.tokenId);
	if (!verdict.ok) {
		const seconds = String(Math.ceil(verdict.retryAfterMs / 1000));
		throw new ApiFailure(429, 'rate_limited', `Too many requests with this token; retry in ${seconds} s.`, {
			headers: { 'Retry-After': seconds }
		});
	}
	return caller;
}

/** A write needs a read-write token. */
export function requireWrite(caller: ApiCaller): void {
	if (caller.access !== 'write') throw forbidden('This token may only read.');
}

/**
 * The board when the token's person may open it and it belongs to the token's organisation, else
 * 404 (no hint it exists). `write`: the person must also be allowed to edit it (else 403).
 */
export async function findCallerBoard(
	event: RequestEvent,
	caller: ApiCaller,
	options: { write?: boolean } = {}
): Promise<BoardAccess> {
	const boardId = event.params.boardId;
	if (!isId(boardId)) throw notFound();
	const board = await findBoardForUser(event.locals.db, boardId, caller.userId);
	if (!board || board.organizationId !== caller.organizationId) throw notFound();
	if (options.write) {
		requireWrite(caller);
		if (board.level !== 'edit') throw forbidden('You may only read this board.');
	}
	return board;
}
