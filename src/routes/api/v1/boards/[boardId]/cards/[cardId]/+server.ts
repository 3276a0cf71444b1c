import { json } from '@sveltejs/kit';
import { readLiveCard, toApiCard } from '#lib/server/api/cards.ts';
import { findCallerBoard } from '#lib/server/api/caller.ts';
import { apiEndpoint } from '#lib/server/api/handler.ts';
import { notFound } from '#lib/server/api/respond.ts';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = apiEndpoint(async (event, caller) => {
	const board = await findCallerBoard(event, caller);
	const card = await readLiveCard(event.locals, board.id, event.params.cardId);
	if (!card) throw notFound();
	return json(toApiCard(card));
});
