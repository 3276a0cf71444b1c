import { error } from '@sveltejs/kit';
import { isId } from '#lib/domain/validation.ts';
import { requireUser } from '#lib/server/auth/guard.ts';
import { findSessionUser } from '#lib/server/auth/session.ts';
import { findPortalBoard, mayFollowPortalBoard } from '#lib/server/services/portal.ts';
import { portalEventStream } from '#lib/server/services/portal-events.ts';
import type { RequestHandler } from './$types';

/** Server-sent events: `changed` when the cards shared on this board change (no card data in it). */
export const GET: RequestHandler = async ({ locals, url, params }) => {
	const user = requireUser(locals, url);
	const { db, projection } = locals;
	const { boardId } = params;
	const sessionId = locals.session?.id ?? '';
	// Opening needs something shared; afterwards, asked again before each event, the guest's session and
	// seat: their portal hears that their last card was unshared, and of whatever is shared again later.
	if (!isId(boardId) || !(await findPortalBoard(db, boardId, user.id))) error(404);
	const mayStillSee = async () =>
		(await findSessionUser(db, sessionId)) === user.id && (await mayFollowPortalBoard(db, boardId, user.id));
	const stream = portalEventStream({
		subscribe: (listener) => projection.onSharedCardsChanged(boardId, listener),
		mayStillSee
	});
	return new Response(stream, {
		headers: { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', 'X-Accel-Buffering': 'no' }
	});
};
