import { error, fail, redirect } from '@sveltejs/kit';
import * as v from 'valibot';
import { isIsoDate } from '#lib/domain/method/dates.ts';
import { isId } from '#lib/domain/validation.ts';
import { findBoardCard } from '#lib/server/services/cards.ts';
import { findMembership } from '#lib/server/services/memberships.ts';
import { boardStandup } from '#lib/server/services/standup-access.ts';
import { loadAgenda, walkOf } from '#lib/server/services/standup-agenda.ts';
import { markStandupEnded } from '#lib/board/standup-end.ts';
import { buildSummary } from '#lib/server/services/standup-summary.ts';
import { parseCardTime } from '#lib/server/services/standup-time.ts';
import {
	addCardTime,
	closeStandup,
	joinStandup,
	listAttendees,
	listDecisions,
	recordDecision
} from '#lib/server/services/standups.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, params, depends }) => {
	depends('standup:agenda');
	const { user, board, standup, facilitates } = await boardStandup(locals, url, params.boardId, params.standupId);
	if (standup.endedAt !== null) redirect(303, `/standups/${standup.id}`);
	await joinStandup(locals.db, standup.id, user.id);
	const agenda = await loadAgenda(locals, board.id, standup.since);
	return {
		standup: {
			id: standup.id,
			facilitatorId: standup.facilitatorId,
			since: standup.since,
			startedAt: standup.startedAt,
			timeBox: standup.timeBox
		},
		isFacilitator: standup.facilitatorId === user.id,
		mayClose: standup.facilitatorId === user.id || facilitates,
		options: standup.options,
		timeZone: agenda.timeZone,
		// The same list, in the same order, on every screen: fixed when the stand-up started.
		items: walkOf(agenda.items, standup),
		attendees: await listAttendees(locals.db, standup.id),
		decisions: await listDecisions(locals.db, standup.id)
	};
};

const DecisionForm = v.object({
	cardId: v.custom<string>(isId),
	text: v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(500)),
	ownerId: v.union([v.literal(''), v.custom<string>(isId)]),
	due: v.union([v.literal(''), v.custom<string>(isIsoDate)])
});

export const actions: Actions = {
	/** A decision or action on the card being discussed; it lands in the card's history. */
	decide: async ({ locals, url, params, request }) => {
		const { user, board, standup } = await boardStandup(locals, url, params.boardId, params.standupId);
		if (board.level !== 'edit') error(403);
		if (standup.endedAt !== null) return fail(409, { action: 'decide' as const, ended: true });
		const parsed = v.safeParse(DecisionForm, Object.fromEntries(await request.formData()));
		if (!parsed.success) return fail(400, { action: 'decide' as const, invalid: true });
		const { cardId, text, ownerId, due } = parsed.output;
		const owner = ownerId ? await findMembership(locals.db, board.organizationId, ownerId) : null;
		if (ownerId && (!owner || owner.role === 'guest')) return fail(400, { action: 'decide' as const, invalid: true });
		if (!(await findBoardCard(locals.db, board.id, cardId)))
			return fail(404, { action: 'decide' as const, gone: true });
		await recordDecision(locals.db, standup, {
			cardId,
			text,
			ownerId: ownerId || null,
			due: due || null,
			by: user.id
		});
		return { action: 'decide' as const, saved: cardId };
	},

	/** Ends the stand-up, freezes its record and opens the summary. */
	close: async ({ locals, url, params, request }) => {
		const { user, board, standup, facilitates } = await boardStandup(locals, url, params.boardId, params.standupId);
		if (standup.facilitatorId !== user.id && !facilitates) error(403);
		if (standup.endedAt === null) {
			// The facilitator's time on the card shown when they closed (the timer hands it over here).
			const last = parseCardTime((await request.formData()).get('lastCard'));
			if (last && standup.facilitatorId === user.id)
				await addCardTime(locals.db, standup.id, last.cardId, last.seconds);
			const summary = await buildSummary(locals, standup, board.name);
			if (await closeStandup(locals.db, standup.id, summary)) {
				// The end reaches every screen following the stand-up through the board's feed.
				const feed = await locals.sync.openFeed(board.id);
				await feed.write(user.id, (doc) => markStandupEnded(doc, standup.id, summary.endedAt));
			}
		}
		redirect(303, `/standups/${standup.id}`);
	}
};
