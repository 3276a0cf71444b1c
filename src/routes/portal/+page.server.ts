import { error } from '@sveltejs/kit';
import { requireUser } from '#lib/server/auth/guard.ts';
import { hasGuestSeat, listPortalBoards } from '#lib/server/services/portal.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requireUser(locals, url);
	const { db } = locals;
	if (!(await hasGuestSeat(db, user.id))) error(403); // the portal is for guests; members have their boards
	const boards = await listPortalBoards(db, user.id);
	return {
		boards: boards.map((b) => ({ id: b.id, name: b.name, organizationName: b.organizationName, count: b.cards.length }))
	};
};
