import { json } from '@sveltejs/kit';
import { moveApiCard, MoveInput, readLiveCard, toApiCard } from '#lib/server/api/cards.ts';
import { findCallerBoard } from '#lib/server/api/caller.ts';
import { apiEndpoint } from '#lib/server/api/handler.ts';
import { ApiFailure, notFound, readBody } from '#lib/server/api/respond.ts';
import type { RequestHandler } from './$types';

/** Moves a card through the gates and limits; 409 with what is missing or full when refused (as on the board). */
export const POST: RequestHandler = apiEndpoint(async (event, caller) => {
	const board = await findCallerBoard(event, caller, { write: true });
	const input = await readBody(event, MoveInput);
	const result = await moveApiCard(event.locals, board.id, caller.userId, event.params.cardId, input);
	if (!result) throw notFound();
	if (!result.moved) {
		const fields = Object.fromEntries([
			...result.missing.map((m) => [m.code, `Gate to ${input.stage} not met`]),
			...result.limits.map((l) => [l.code, `Limit of ${l.limit} live initiatives reached`])
		]);
		const code = result.missing.length > 0 ? 'gate_not_met' : 'limit_reached';
		throw new ApiFailure(409, code, `The card cannot enter ${input.stage} yet.`, { fields });
	}
	const card = await readLiveCard(event.locals, board.id, event.params.cardId);
	if (!card) throw notFound();
	return json(toApiCard(card));
});
