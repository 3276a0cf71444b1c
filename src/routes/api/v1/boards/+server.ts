import { json } from '@sveltejs/kit';
import { apiEndpoint } from '#lib/server/api/handler.ts';
import { listBoardsForUser } from '#lib/server/services/boards.ts';
import type { RequestHandler } from './$types';

/** The boards the token's person may open, in the token's organisation. */
export const GET: RequestHandler = apiEndpoint(async (event, caller) => {
	const boards = await listBoardsForUser(event.locals.db, caller.userId);
	const items = boards
		.filter((b) => b.organizationId === caller.organizationId)
		.map((b) => ({ id: b.id, name: b.name, updatedAt: new Date(b.updatedAt).toISOString() }));
	return json({ items });
});
