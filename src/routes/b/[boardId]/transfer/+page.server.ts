import { fail, redirect } from '@sveltejs/kit';
import * as v from 'valibot';
import { can } from '#lib/domain/permissions.ts';
import { LIMITS } from '#lib/domain/validation.ts';
import { m } from '#lib/paraglide/messages.js';
import { BoardFile } from '#lib/server/transfer/board-file.ts';
import { restoreBoard, UnreadableDocument } from '#lib/server/transfer/board-restore.ts';
import { issueField, readJsonUpload } from '#lib/server/transfer/limits.ts';
import { managedBoard, openedBoard } from './access.server.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const { board } = await openedBoard(locals, url, params.boardId);
	const manages = can(board.role, 'board.manage');
	const versions = manages ? await locals.sync.generations.list(board.id) : [];
	return { manages, versions, keepDays: locals.sync.generations.keepDays };
};

const VersionForm = v.object({ generation: v.pipe(v.string(), v.toNumber(), v.integer(), v.minValue(0)) });

export const actions: Actions = {
	/** A backup becomes a new board of this board's organisation; a refused file changes nothing. */
	restore: async ({ locals, url, params, request }) => {
		const { user, board } = await managedBoard(locals, url, params.boardId);
		const upload = await readJsonUpload((await request.formData()).get('file'));
		if (!('json' in upload)) return fail(400, { error: upload });
		const parsed = v.safeParse(BoardFile, upload.json);
		if (!parsed.success)
			return fail(400, { error: { reason: 'format' as const, field: issueField(parsed.issues[0]) } });
		let restored: string;
		try {
			// Named apart from the original, which usually still sits in the same list of boards.
			const name = m.transfer_restored_name({ name: parsed.output.board.name }).slice(0, LIMITS.boardName);
			const file = { ...parsed.output, board: { ...parsed.output.board, name } };
			restored = await restoreBoard(locals.db, board.organizationId, user.id, file);
		} catch (e) {
			if (e instanceof UnreadableDocument) return fail(400, { error: { reason: 'format' as const, field: e.field } });
			throw e;
		}
		redirect(303, `/b/${restored}`);
	},
	/** An earlier version of this board becomes its content again (the open boards follow at once). */
	restoreVersion: async ({ locals, url, params, request }) => {
		const { board } = await managedBoard(locals, url, params.boardId);
		const parsed = v.safeParse(VersionForm, Object.fromEntries(await request.formData()));
		if (!parsed.success || !(await locals.sync.generations.restore(board.id, parsed.output.generation)))
			return fail(400, { versionRestored: false });
		return { versionRestored: true };
	}
};
