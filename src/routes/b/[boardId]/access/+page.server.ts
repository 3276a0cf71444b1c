import { error, fail } from '@sveltejs/kit';
import * as v from 'valibot';
import { can } from '#lib/domain/permissions.ts';
import { ID_PATTERN, isId } from '#lib/domain/validation.ts';
import { requireUser } from '#lib/server/auth/guard.ts';
import * as access from '#lib/server/services/board-access.ts';
import { findBoardForUser } from '#lib/server/services/boards.ts';
import { listDirectory } from '#lib/server/services/directory.ts';
import type { BoardDeps } from '#lib/server/deps.ts';
import type { Actions, PageServerLoad } from './$types';

/** The board, when the signed-in person manages it: 404 for non-members (no hint it exists), 403 for members. */
async function managedBoard(locals: App.Locals, url: URL, boardId: string) {
	const user = requireUser(locals, url);
	const board = isId(boardId) ? await findBoardForUser(locals.db, boardId, user.id) : null;
	if (!board) error(404);
	if (!can(board.role, 'board.manage')) error(403);
	return board;
}

const Subject = v.picklist(['user', 'team']);
/** The list's "who" is one choice among teams and people: 'team:{id}' or 'user:{id}'. */
const Who = v.pipe(
	v.string(),
	v.transform((who) => who.split(':')),
	v.tuple([Subject, v.pipe(v.string(), v.regex(ID_PATTERN))])
);
const GrantForm = v.object({ who: Who, level: v.picklist(['edit', 'read']) });

/** Someone's access may have changed: their open connections are judged again at once. */
async function reassessEveryone({ db, sync }: BoardDeps, organizationId: string): Promise<void> {
	for (const userId of await access.organizationPeople(db, organizationId)) await sync.reassessUser(userId);
}

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const board = await managedBoard(locals, url, params.boardId);
	const { db } = locals;
	return { list: await access.readAccessList(db, board.id), people: await listDirectory(db, board.organizationId) };
};

export const actions: Actions = {
	visibility: async ({ locals, url, params, request }) => {
		const board = await managedBoard(locals, url, params.boardId);
		const visibility = v.safeParse(
			v.picklist(['organisation', 'restricted']),
			(await request.formData()).get('visibility')
		);
		if (!visibility.success) return fail(400, { action: 'visibility' as const, invalid: true });
		await access.setVisibility(locals.db, board.id, visibility.output);
		await reassessEveryone(locals, board.organizationId);
		return { action: 'visibility' as const, saved: true };
	},
	grant: async ({ locals, url, params, request }) => {
		const board = await managedBoard(locals, url, params.boardId);
		const form = v.safeParse(GrantForm, Object.fromEntries(await request.formData()));
		if (!form.success) return fail(400, { action: 'grant' as const, invalid: true });
		const { db } = locals;
		const [[subject, subjectId], level] = [form.output.who, form.output.level];
		if (!(await access.isGrantee(db, board.organizationId, subject, subjectId)))
			return fail(400, { action: 'grant' as const, invalid: true });
		await access.putGrant(db, board.id, { subject, subjectId, level });
		await reassessEveryone(locals, board.organizationId);
		return { action: 'grant' as const, saved: true };
	},
	revoke: async ({ locals, url, params, request }) => {
		const board = await managedBoard(locals, url, params.boardId);
		const who = v.safeParse(Who, (await request.formData()).get('who'));
		if (!who.success) return fail(400, { action: 'revoke' as const, invalid: true });
		await access.removeGrant(locals.db, board.id, ...who.output);
		await reassessEveryone(locals, board.organizationId);
		return { action: 'revoke' as const, saved: true };
	}
};
