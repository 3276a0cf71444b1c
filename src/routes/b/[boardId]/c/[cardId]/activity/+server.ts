import { error, json } from '@sveltejs/kit';
import { requireUser } from '#lib/server/auth/guard.ts';
import { findCardForUser } from '#lib/server/services/cards.ts';
import { listCardEvents } from '#lib/server/services/events.ts';
import type { RequestHandler } from './$types';

/** A card's activity (the server's event log), newest first. Anyone who may open the board may read it. */
export const GET: RequestHandler = async ({ locals, url, params }) => {
	const user = requireUser(locals, url);
	const { db } = locals;
	const { boardId, cardId } = params;
	if (!(await findCardForUser(db, boardId, cardId, user.id))) error(404);
	// Card ids come from clients: another board's document could reuse this one, so keep this board's only.
	const events = (await listCardEvents(db, cardId)).filter((e) => e.board_id === boardId);
	return json(
		{ events: events.map((e) => ({ id: e.id, kind: e.kind, actorId: e.actor_id, data: e.data, at: e.created_at })) },
		{ headers: { 'Cache-Control': 'no-store' } }
	);
};
