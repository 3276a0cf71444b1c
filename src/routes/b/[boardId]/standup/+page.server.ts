import { error, redirect } from '@sveltejs/kit';
import * as v from 'valibot';
import { getLocale } from '#lib/paraglide/runtime.js';
import { readSettings } from '#lib/board/board-settings.ts';
import { DEFAULT_CADENCE, nextStandup } from '#lib/domain/standup/week.ts';
import { isId } from '#lib/domain/validation.ts';
import { standupBoard } from '#lib/server/services/standup-access.ts';
import { AGENDA_FILTERS } from '#lib/domain/standup/agenda.ts';
import { loadAgenda, startWithAgenda } from '#lib/server/services/standup-agenda.ts';
import { findRunningStandup, listStandups, readCadence, standupSince } from '#lib/server/services/standups.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const { board, facilitates } = await standupBoard(locals, url, params.boardId);
	const cadence = (await readCadence(locals.db, board.id)) ?? DEFAULT_CADENCE;
	const { timeZone } = readSettings((await locals.sync.openFeed(board.id)).doc);
	const running = await findRunningStandup(locals.db, board.id);
	const history = await listStandups(locals.db, board.id);
	// What each choice of options would walk, so the start form shows the expected duration.
	const now = Date.now();
	const candidates = running
		? []
		: (await loadAgenda(locals, board.id, await standupSince(locals.db, board.id, now), now)).items;
	return {
		candidates: candidates.map((item) => ({ ...item, changes: [] })),
		facilitates,
		cadence,
		timeZone,
		next: nextStandup(Date.now(), cadence, timeZone),
		running: running && { id: running.id, startedAt: running.startedAt },
		history: history.map((s) => ({
			id: s.id,
			startedAt: s.startedAt,
			endedAt: s.endedAt,
			decisions: s.summary?.decisions.length ?? 0,
			reviewed: s.summary?.reviewed.length ?? 0
		}))
	};
};

const StartForm = v.object({
	riskFirst: v.optional(v.literal('on')),
	filter: v.optional(v.picklist(AGENDA_FILTERS), 'all'),
	team: v.optional(v.union([v.literal(''), v.custom<string>(isId)]))
});

export const actions: Actions = {
	/** Starts (or joins, if a colleague was quicker) the stand-up; its options and agenda are stored with it. */
	start: async ({ locals, url, params, request }) => {
		const { user, board, facilitates } = await standupBoard(locals, url, params.boardId);
		if (!facilitates) error(403);
		const parsed = v.safeParse(StartForm, Object.fromEntries(await request.formData()));
		if (!parsed.success) error(400);
		const cadence = (await readCadence(locals.db, board.id)) ?? DEFAULT_CADENCE;
		const { riskFirst, filter, team } = parsed.output;
		const standup = await startWithAgenda(locals, {
			boardId: board.id,
			facilitatorId: user.id,
			locale: getLocale() === 'en' ? 'en' : 'fr',
			timeBox: cadence.timeBox,
			options: { riskFirst: riskFirst === 'on', filter, teamId: team || null }
		});
		redirect(303, `/b/${board.id}/standup/${standup.id}`);
	}
};
