import { json } from '@sveltejs/kit';
import { createApiCard, NewCardInput, toApiCard } from '#lib/server/api/cards.ts';
import { findCallerBoard } from '#lib/server/api/caller.ts';
import { apiEndpoint } from '#lib/server/api/handler.ts';
import { listCardPage, readPageQuery } from '#lib/server/api/pages.ts';
import { readBody, notFound } from '#lib/server/api/respond.ts';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = apiEndpoint(async (event, caller) => {
	const board = await findCallerBoard(event, caller);
	return json(await listCardPage(event.locals.db, board.id, readPageQuery(event.url)));
});

/** A new card at the end of Ideas & signals; it appears at once on every open board. */
export const POST: RequestHandler = apiEndpoint(async (event, caller) => {
	const board = await findCallerBoard(event, caller, { write: true });
	const input = await readBody(event, NewCardInput);
	const card = await createApiCard(event.locals, board.id, caller.userId, input);
	if (!card) throw notFound();
	return json(toApiCard(card), { status: 201 });
});
