import { json } from '@sveltejs/kit';
import { CardEditor } from '#lib/collab/card-editor.ts';
import { findCallerBoard } from '#lib/server/api/caller.ts';
import { CheckInInput, listCheckIns, requireCard } from '#lib/server/api/conversation.ts';
import { apiEndpoint } from '#lib/server/api/handler.ts';
import { ApiFailure, readBody } from '#lib/server/api/respond.ts';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = apiEndpoint(async (event, caller) => {
	const board = await findCallerBoard(event, caller);
	return json({ items: listCheckIns(await requireCard(event.locals, board.id, event.params.cardId)) });
});

/** Adds a check-in with the card editor the board page uses, in the live room. */
export const POST: RequestHandler = apiEndpoint(async (event, caller) => {
	const board = await findCallerBoard(event, caller, { write: true });
	const cardId = (await requireCard(event.locals, board.id, event.params.cardId)).id;
	const input = await readBody(event, CheckInInput);
	const room = await event.locals.sync.openRoom(board.id);
	const id = await room.write(caller.userId, (doc) =>
		new CardEditor(doc, caller.userId).putCheckIn(cardId, null, input)
	);
	if (!id) throw new ApiFailure(409, 'too_many_check_ins', 'The card holds as many check-ins as it may.');
	const card = await requireCard(event.locals, board.id, cardId);
	return json(
		listCheckIns(card).find((c) => c.id === id),
		{ status: 201 }
	);
});
