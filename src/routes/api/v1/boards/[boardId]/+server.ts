import { json } from '@sveltejs/kit';
import { findCallerBoard } from '#lib/server/api/caller.ts';
import { apiEndpoint } from '#lib/server/api/handler.ts';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = apiEndpoint(async (event, caller) => {
	const board = await findCallerBoard(event, caller);
	const { id, name, visibility, level } = board;
	return json({ id, name, visibility, access: level, updatedAt: new Date(board.updatedAt).toISOString() });
});
