import { error, fail } from '@sveltejs/kit';
import * as v from 'valibot';
import { MethodSettingsInput, TimeZoneInput } from '#lib/domain/method/schemas.ts';
import { DEFAULT_CADENCE, TIME_PATTERN, nextStandup } from '#lib/domain/standup/week.ts';
import { CardTitle, isId } from '#lib/domain/validation.ts';
import { requireUser } from '#lib/server/auth/guard.ts';
import { findBoardForUser } from '#lib/server/services/boards.ts';
import * as method from '#lib/server/services/board-method.ts';
import { readCadence, writeCadence } from '#lib/server/services/standups.ts';
import { listDirectory } from '#lib/server/services/directory.ts';
import { parseWipForm } from './wip-form.ts';
import type { Actions, PageServerLoad } from './$types';

/** The board, when the signed-in person manages it: 404 for non-members (no hint it exists), 403 for members. */
async function managedBoard(locals: App.Locals, url: URL, boardId: string) {
	const user = requireUser(locals, url);
	const board = isId(boardId) ? await findBoardForUser(locals.db, boardId, user.id) : null;
	if (!board) error(404);
	if (!method.managesBoard(board)) error(403);
	return { user, board };
}

const SettingsForm = v.object({
	maxSegments: v.pipe(v.string(), v.toNumber(), v.integer()),
	tolerancePercent: v.pipe(
		v.string(),
		v.transform((s) => s.replace(',', '.')),
		v.toNumber(),
		v.finite()
	),
	timeZone: TimeZoneInput
});

/** The weekly stand-up: day 0 = Sunday … 6 = Saturday, local "HH:MM", seconds per card, minutes in all. */
const CadenceForm = v.object({
	day: v.pipe(v.string(), v.toNumber(), v.integer(), v.minValue(0), v.maxValue(6)),
	time: v.pipe(v.string(), v.trim(), v.regex(TIME_PATTERN)),
	timeBox: v.pipe(v.string(), v.trim(), v.nonEmpty(), v.toNumber(), v.integer(), v.minValue(30), v.maxValue(600)),
	length: v.pipe(v.string(), v.trim(), v.nonEmpty(), v.toNumber(), v.integer(), v.minValue(5), v.maxValue(120))
});

export const load: PageServerLoad = async ({ locals, url, params }) => {
	await managedBoard(locals, url, params.boardId);
	const { db } = locals;
	const [boardMethod, cadence] = await Promise.all([
		method.readBoardMethod(locals, params.boardId),
		readCadence(db, params.boardId)
	]);
	const standup = cadence ?? DEFAULT_CADENCE;
	return {
		...boardMethod,
		cadence: standup,
		nextStandup: nextStandup(Date.now(), standup, boardMethod.settings.timeZone)
	};
};

export const actions: Actions = {
	settings: async ({ locals, url, params, request }) => {
		const { user, board } = await managedBoard(locals, url, params.boardId);
		const form = Object.fromEntries(await request.formData());
		const parsed = v.safeParse(SettingsForm, form);
		const settings = parsed.success
			? v.safeParse(MethodSettingsInput, {
					maxSegments: parsed.output.maxSegments,
					tolerance: parsed.output.tolerancePercent / 100
				})
			: null;
		if (!parsed.success || !settings?.success) return fail(400, { action: 'settings' as const, invalid: true });
		await method.saveSettings(locals, board.id, user.id, {
			...settings.output,
			timeZone: parsed.output.timeZone
		});
		return { action: 'settings' as const, saved: true };
	},
	limits: async ({ locals, url, params, request }) => {
		const { user, board } = await managedBoard(locals, url, params.boardId);
		const { teams } = await listDirectory(locals.db, board.organizationId);
		const parsed = parseWipForm(
			await request.formData(),
			teams.map((t) => t.id)
		);
		if ('errors' in parsed) return fail(400, { action: 'limits' as const, ...parsed });
		await method.saveWipLimits(locals, board.id, user.id, parsed.limits);
		return { action: 'limits' as const, saved: true };
	},
	standup: async ({ locals, url, params, request }) => {
		const { board } = await managedBoard(locals, url, params.boardId);
		const form = await request.formData();
		const values = {
			day: String(form.get('day') ?? ''),
			time: String(form.get('time') ?? ''),
			timeBox: String(form.get('timeBox') ?? ''),
			length: String(form.get('length') ?? '')
		};
		const parsed = v.safeParse(CadenceForm, values);
		if (!parsed.success) {
			const invalid = Object.keys(v.flatten<typeof CadenceForm>(parsed.issues).nested ?? {});
			return fail(400, { action: 'standup' as const, errors: invalid, values });
		}
		await writeCadence(locals.db, board.id, parsed.output);
		return { action: 'standup' as const, saved: true };
	},
	addObjective: async ({ locals, url, params, request }) => {
		const { user, board } = await managedBoard(locals, url, params.boardId);
		const title = v.safeParse(CardTitle, (await request.formData()).get('title'));
		if (!title.success) return fail(400, { action: 'addObjective' as const, invalid: true });
		if (!(await method.addGlobalObjective(locals, board.id, user.id, title.output)))
			return fail(400, { action: 'addObjective' as const, full: true });
		return { action: 'addObjective' as const, saved: true };
	},
	renameObjective: async ({ locals, url, params, request }) => {
		const { user, board } = await managedBoard(locals, url, params.boardId);
		const form = await request.formData();
		const id = form.get('id');
		const title = v.safeParse(CardTitle, form.get('title'));
		if (!isId(id)) return fail(400, { action: 'renameObjective' as const, invalid: true });
		if (!title.success) return fail(400, { action: 'renameObjective' as const, id, invalid: true });
		if (!(await method.renameGlobalObjective(locals, board.id, user.id, id, title.output))) error(404);
		return { action: 'renameObjective' as const, id, saved: true };
	},
	removeObjective: async ({ locals, url, params, request }) => {
		const { user, board } = await managedBoard(locals, url, params.boardId);
		const id = (await request.formData()).get('id');
		if (!isId(id)) return fail(400, { action: 'removeObjective' as const, invalid: true });
		await method.removeGlobalObjective(locals, board.id, user.id, id);
		return { action: 'removeObjective' as const, saved: true };
	}
};
