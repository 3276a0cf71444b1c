import { error, redirect } from '@sveltejs/kit';
import * as v from 'valibot';
import { getLocale } from '#lib/paraglide/runtime.js';
import { readSettings } from '#lib/board/board-settings.ts';
import { DEFAULT_CADENCE, nextStandup } from '#lib/domain/standup/week.ts';
import { isId } from '#lib/domain/validation.ts';
import { getRuntime } from '#lib/server/runtime.ts';
import { standupBoard } from '#lib/server/services/standup-access.ts';
import { findRunningStandup, listStandups, readCadence, startStandup } from '#lib/server/services/standups.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const { board, facilitates } = await standupBoard(locals, url, params.boardId);
	const runtime = getRuntime();
	const cadence = (await readCadence(runtime.db, board.id)) ?? DEFAULT_CADENCE;
	const { timeZone } = readSettings((await runtime.sync.openFeed(board.id)).doc);
	const running = await findRunningStandup(runtime.db, board.id);
	const history = await listStandups(runtime.db, board.id);
	return {
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
	changedOnly: v.optional(v.literal('on')),
	team: v.optional(v.union([v.literal(''), v.custom<string>(isId)]))
});

export const actions: Actions = {
	/** Starts (or joins, if a colleague was quicker) the stand-up, with the walk's options in the URL. */
	start: async ({ locals, url, params, request }) => {
		const { user, board, facilitates } = await standupBoard(locals, url, params.boardId);
		if (!facilitates) error(403);
		const parsed = v.safeParse(StartForm, Object.fromEntries(await request.formData()));
		if (!parsed.success) error(400);
		const db = getRuntime().db;
		const cadence = (await readCadence(db, board.id)) ?? DEFAULT_CADENCE;
		const standup = await startStandup(db, {
			boardId: board.id,
			facilitatorId: user.id,
			locale: getLocale() === 'en' ? 'en' : 'fr',
			timeBox: cadence.timeBox
		});
		const query = new URLSearchParams();
		if (parsed.output.riskFirst) query.set('risk', '1');
		if (parsed.output.changedOnly) query.set('changed', '1');
		if (parsed.output.team) query.set('team', parsed.output.team);
		const search = query.size > 0 ? `?${query}` : '';
		redirect(303, `/b/${board.id}/standup/${standup.id}${search}`);
	}
};
