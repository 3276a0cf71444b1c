import { error } from '@sveltejs/kit';
import { isId } from '#lib/domain/validation.ts';
import { requireUser } from '#lib/server/auth/guard.ts';
import { findSessionUser } from '#lib/server/auth/session.ts';
import { getRuntime } from '#lib/server/runtime.ts';
import { findPortalBoard } from '#lib/server/services/portal.ts';
import { portalEventStream } from '#lib/server/services/portal-events.ts';
import type { RequestHandler } from './$types';

/** Server-sent events: `changed` when the cards shared on this board change (no card data in it). */
export const GET: RequestHandler = async ({ locals, url, params }) => {
	const user = requireUser(locals, url);
	const { db, projection } = getRuntime();
	const { boardId } = params;
	const sessionId = locals.session?.id ?? '';
	// Asked again before each event: a guest whose session or sharing ended gets their stream closed.
	const mayStillSee = async () =>
		isId(boardId) &&
		(await findSessionUser(db, sessionId)) === user.id &&
		(await findPortalBoard(db, boardId, user.id)) !== null;
	if (!(await mayStillSee())) error(404);
	const stream = portalEventStream({
		subscribe: (listener) => projection.onSharedCardsChanged(boardId, listener),
		mayStillSee
	});
	return new Response(stream, {
		headers: { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', 'X-Accel-Buffering': 'no' }
	});
};
