import { error } from '@sveltejs/kit';
import { boardStandup } from '#lib/server/services/standup-access.ts';
import { parseCardTime } from '#lib/server/services/standup-time.ts';
import { addCardTime } from '#lib/server/services/standups.ts';
import type { RequestHandler } from './$types';

/** The facilitator's timer: seconds spent on a card, sent when they move on. */
export const POST: RequestHandler = async ({ locals, url, params, request }) => {
	const { user, standup } = await boardStandup(locals, url, params.boardId, params.standupId);
	if (standup.facilitatorId !== user.id) error(403);
	if (standup.endedAt !== null) error(409);
	const time = parseCardTime(await request.text());
	if (!time) error(400);
	await addCardTime(locals.db, standup.id, time.cardId, time.seconds);
	return new Response(null, { status: 204 });
};
