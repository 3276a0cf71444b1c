import { error, fail } from '@sveltejs/kit';
import * as v from 'valibot';
import { FeedbackInput, SIGNAL_TEXT_MAX } from '#lib/board/signals.ts';
import { isId } from '#lib/domain/validation.ts';
import { requireUser } from '#lib/server/auth/guard.ts';
import { hit, RATE_LIMITS } from '#lib/server/rate-limit.ts';
import {
	findPortalBoard,
	findPortalCard,
	hasGuestSeat,
	leaveFeedback,
	mayFollowPortalBoard
} from '#lib/server/services/portal.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, params, isDataRequest }) => {
	const user = requireUser(locals, url);
	const { db } = locals;
	if (!(await hasGuestSeat(db, user.id))) error(403);
	const board = isId(params.boardId) ? await findPortalBoard(db, params.boardId, user.id) : null;
	// Nothing shared with this guest here: as if the board did not exist. An open page that refreshes
	// (its last card was just unshared) learns only that, and keeps following the board.
	if (!board && !(isDataRequest && (await mayFollowPortalBoard(db, params.boardId, user.id)))) error(404);
	return { board };
};

export const actions: Actions = {
	feedback: async ({ locals, url, params, request }) => {
		const user = requireUser(locals, url);
		const form = await request.formData();
		const cardId = form.get('cardId');
		const shared =
			isId(params.boardId) && isId(cardId) ? await findPortalCard(locals.db, params.boardId, cardId, user.id) : null;
		if (!shared) error(404);
		const input = v.safeParse(FeedbackInput, { kind: form.get('kind'), text: form.get('text') });
		if (!input.success) {
			const text = String(form.get('text') ?? '').slice(0, SIGNAL_TEXT_MAX);
			return fail(400, { cardId: shared.card.id, invalid: true, text });
		}
		const limit = await hit(locals.db, RATE_LIMITS.feedbackPerGuest, user.id);
		if (!limit.ok) {
			const text = String(form.get('text') ?? '').slice(0, SIGNAL_TEXT_MAX);
			return fail(429, { cardId: shared.card.id, limited: Math.ceil(limit.retryAfterMs / 1000), text });
		}
		const feedback = { boardId: params.boardId, cardId: shared.card.id, userId: user.id, company: shared.company };
		if (!(await leaveFeedback(locals, { ...feedback, ...input.output }))) error(404);
		return { cardId: shared.card.id, sent: true };
	}
};
