import { json } from '@sveltejs/kit';
import { findCallerBoard } from '#lib/server/api/caller.ts';
import { listSignals, requireCard, SignalInput } from '#lib/server/api/conversation.ts';
import { apiEndpoint } from '#lib/server/api/handler.ts';
import { notFound, readBody } from '#lib/server/api/respond.ts';
import { recordCardSignal } from '#lib/server/services/member-signals.ts';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = apiEndpoint(async (event, caller) => {
	const board = await findCallerBoard(event, caller);
	await requireCard(event.locals, board.id, event.params.cardId);
	return json({ items: await listSignals(event.locals, board.id, event.params.cardId) });
});

/** A member's observation from the field, through the signals service (feed, event log). */
export const POST: RequestHandler = apiEndpoint(async (event, caller) => {
	const board = await findCallerBoard(event, caller, { write: true });
	const cardId = (await requireCard(event.locals, board.id, event.params.cardId)).id;
	const signal = await readBody(event, SignalInput);
	const id = await recordCardSignal(event.locals, { boardId: board.id, cardId, userId: caller.userId, signal });
	if (!id) throw notFound();
	const created = (await listSignals(event.locals, board.id, cardId)).find((s) => s.id === id);
	return json(created ?? { id }, { status: 201 });
});
