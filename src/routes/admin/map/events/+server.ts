import { can } from '#lib/domain/permissions.ts';
import { findSessionUser } from '#lib/server/auth/session.ts';
import { findMembership } from '#lib/server/services/memberships.ts';
import { portalEventStream } from '#lib/server/services/portal-events.ts';
import { requireAdmin } from '../../admin.server.ts';
import type { RequestHandler } from './$types';

/**
 * Server-sent events for the organisation's contribution map: a bare `changed` (no data: the page
 * loads the map again) after any card event on one of the organisation's boards, coalesced, whichever
 * process recorded it (runtime.boardActivity). Fed by the server's event log rather than by each board's document: the map spans every board, and an
 * event is only recorded once its comment, signal or answer is in SQL, where the map reads it.
 */
export const GET: RequestHandler = async ({ locals, url }) => {
	const { user, membership } = requireAdmin(locals, url);
	const { db, boardActivity } = locals;
	const { organizationId } = membership;
	const sessionId = locals.session?.id ?? '';
	const mayStillSee = async () =>
		(await findSessionUser(db, sessionId)) === user.id &&
		can((await findMembership(db, organizationId, user.id))?.role ?? null, 'org.admin');
	const organizationOf = new Map<string, string | undefined>(); // a board never changes organisation
	const inOrganization = async (boardId: string) => {
		if (!organizationOf.has(boardId)) {
			const board = await db.selectFrom('board').select('organization_id').where('id', '=', boardId).executeTakeFirst();
			organizationOf.set(boardId, board?.organization_id);
		}
		return organizationOf.get(boardId) === organizationId;
	};
	const stream = portalEventStream({
		subscribe: (listener) =>
			// Not awaited: recording an event does not wait for the maps open at that moment.
			boardActivity.on((boardId) => {
				void inOrganization(boardId).then((yes) => yes && listener());
			}),
		mayStillSee
	});
	return new Response(stream, {
		headers: { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', 'X-Accel-Buffering': 'no' }
	});
};
