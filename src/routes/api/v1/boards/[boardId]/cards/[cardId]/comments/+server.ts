import { json } from '@sveltejs/kit';
import { findCallerBoard } from '#lib/server/api/caller.ts';
import { limitComments, listComments, NewCommentInput, requireCard } from '#lib/server/api/conversation.ts';
import { apiEndpoint } from '#lib/server/api/handler.ts';
import { notFound, readBody } from '#lib/server/api/respond.ts';
import { addComment } from '#lib/server/services/comments.ts';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = apiEndpoint(async (event, caller) => {
	const board = await findCallerBoard(event, caller);
	await requireCard(event.locals, board.id, event.params.cardId);
	return json({ items: await listComments(event.locals, board.id, event.params.cardId) });
});

/** Through the comments service: stored, mirrored into the live feed, logged, notified. */
export const POST: RequestHandler = apiEndpoint(async (event, caller) => {
	const board = await findCallerBoard(event, caller, { write: true });
	const cardId = (await requireCard(event.locals, board.id, event.params.cardId)).id;
	const input = await readBody(event, NewCommentInput);
	await limitComments(event.locals, caller);
	const id = await addComment(event.locals, { boardId: board.id, cardId, authorId: caller.userId, ...input });
	if (!id) throw notFound();
	const comment = (await listComments(event.locals, board.id, cardId)).find((c) => c.id === id);
	return json(comment ?? { id }, { status: 201 });
});
