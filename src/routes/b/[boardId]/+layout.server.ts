import { error } from '@sveltejs/kit';
import { isId } from '#lib/domain/validation.ts';
import { can } from '#lib/domain/permissions.ts';
import { requireUser } from '#lib/server/auth/guard.ts';
import { findBoardForUser } from '#lib/server/services/boards.ts';
import { listDirectory } from '#lib/server/services/directory.ts';
import { listGuestCompanies } from '#lib/server/services/guest-companies.ts';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async ({ locals, url, params }) => {
	const user = requireUser(locals, url);
	const db = locals.db;
	const board = isId(params.boardId) ? await findBoardForUser(db, params.boardId, user.id) : null;
	if (!board) error(404); // a non-member learns nothing, not even that the board exists
	return {
		board: { id: board.id, name: board.name, generation: await locals.sync.generations.current(board.id) },
		user: { id: user.id, name: user.name, color: user.color },
		isManager: can(board.role, 'gate.override'),
		readOnly: board.level === 'read',
		directory: await listDirectory(db, board.organizationId),
		/** What a card can be shared with (read by the card's ShareControl). */
		guestCompanies: await listGuestCompanies(db, board.organizationId)
	};
};
