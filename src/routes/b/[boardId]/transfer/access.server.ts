import { error } from '@sveltejs/kit';
import { can } from '#lib/domain/permissions.ts';
import { isId } from '#lib/domain/validation.ts';
import { requireUser } from '#lib/server/auth/guard.ts';
import { findBoardForUser } from '#lib/server/services/boards.ts';

/** The board, when the signed-in person may open it: 404 otherwise (no hint it exists). */
export async function openedBoard(locals: App.Locals, url: URL, boardId: string) {
	const user = requireUser(locals, url);
	const board = isId(boardId) ? await findBoardForUser(locals.db, boardId, user.id) : null;
	if (!board) error(404);
	return { user, board };
}

/** The board, when the person manages it (backups, restores and imports): 404 for strangers, 403 for members. */
export async function managedBoard(locals: App.Locals, url: URL, boardId: string) {
	const opened = await openedBoard(locals, url, boardId);
	if (!can(opened.board.role, 'board.manage')) error(403);
	return opened;
}

/** A download that is never cached (it holds the board's content). */
export function attachment(body: string, type: string, filename: string): Response {
	return new Response(body, {
		headers: {
			'Content-Type': `${type}; charset=utf-8`,
			'Content-Disposition': `attachment; filename="${filename}"`,
			'Cache-Control': 'private, no-store'
		}
	});
}

/** A file name from the board's name: letters, digits and dashes only. */
export function fileName(name: string, extension: string): string {
	const base =
		name
			.normalize('NFKD')
			.replace(/[^\w-]+/g, '-')
			.replace(/^-+|-+$/g, '')
			.slice(0, 60) || 'board';
	return `${base}.${extension}`;
}
