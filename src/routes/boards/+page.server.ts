import { error, fail, redirect } from '@sveltejs/kit';
import * as v from 'valibot';
import { BoardName, isId } from '#lib/domain/validation.ts';
import { can } from '#lib/domain/permissions.ts';
import { requireUser } from '#lib/server/auth/guard.ts';
import {
	createBoard,
	findBoardForUser,
	findHomeOrganization,
	listBoardsForUser,
	renameBoard
} from '#lib/server/services/boards.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requireUser(locals, url);
	// Guests have no boards: their place is the portal of what is shared with them.
	if (locals.membership?.role === 'guest') redirect(303, '/portal');
	const role = locals.membership?.role;
	return {
		boards: await listBoardsForUser(locals.db, user.id),
		mayCreate: can(role, 'board.create'),
		mayManage: can(role, 'board.manage')
	};
};

export const actions: Actions = {
	create: async ({ locals, url, request }) => {
		const user = requireUser(locals, url);
		const form = await request.formData();
		const name = v.safeParse(BoardName, form.get('name'));
		if (!name.success) return fail(400, { action: 'create' as const, invalid: true });
		const { db } = locals;
		const organization = await findHomeOrganization(db, user.id);
		if (!organization || !can(locals.membership?.role, 'board.create')) error(403);
		redirect(303, `/b/${await createBoard(db, organization.id, name.output)}`);
	},
	rename: async ({ locals, url, request }) => {
		const user = requireUser(locals, url);
		const form = await request.formData();
		const boardId = form.get('boardId');
		const { db } = locals;
		const board = isId(boardId) ? await findBoardForUser(db, boardId, user.id) : null;
		if (!board) error(404);
		if (!can(board.role, 'board.manage')) error(403);
		const name = v.safeParse(BoardName, form.get('name'));
		if (!name.success) return fail(400, { action: 'rename' as const, boardId: board.id, invalid: true });
		await renameBoard(db, board.id, name.output);
		return { action: 'rename' as const, boardId: board.id, renamed: true };
	}
};
