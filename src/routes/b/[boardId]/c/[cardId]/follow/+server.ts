import { error, json } from '@sveltejs/kit';
import { requireUser } from '#lib/server/auth/guard.ts';
import { findCardForUser } from '#lib/server/services/cards.ts';
import { isFollowing, setFollowing } from '#lib/server/services/notifications.ts';
import type { RequestEvent, RequestHandler } from './$types';

/** The person and the card, for anyone who may open the board (observers may follow too); 404 otherwise. */
async function follower({ locals, url, params }: RequestEvent) {
	const user = requireUser(locals, url);
	const { db } = locals;
	const { boardId, cardId } = params;
	if (!(await findCardForUser(db, boardId, cardId, user.id))) error(404);
	return { db, userId: user.id, boardId, cardId };
}

export const GET: RequestHandler = async (event) => {
	const { db, userId, cardId } = await follower(event);
	return json({ following: await isFollowing(db, userId, cardId) }, { headers: { 'Cache-Control': 'no-store' } });
};

/** Form field `following`: "true" to follow, "false" to unfollow. */
export const POST: RequestHandler = async (event) => {
	const { db, userId, boardId, cardId } = await follower(event);
	const form = await event.request.formData();
	const following = form.get('following');
	if (following !== 'true' && following !== 'false') error(400);
	await setFollowing(db, userId, boardId, cardId, following === 'true');
	return json({ following: following === 'true' });
};
