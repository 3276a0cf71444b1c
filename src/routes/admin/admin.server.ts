import { error } from '@sveltejs/kit';
import { can, type Action } from '#lib/domain/permissions.ts';
import { requireUser } from '#lib/server/auth/guard.ts';
import type { SessionUser } from '#lib/server/auth/session.ts';
import type { Membership } from '#lib/server/services/memberships.ts';

/**
 * The signed-in person and their organisation, when their role there allows `action` (the admin
 * pages and every form action on them): anonymous → login, in no organisation → 404, else 403.
 */
export function requireAdmin(
	locals: App.Locals,
	url: URL,
	action: Action = 'org.admin'
): { user: SessionUser; membership: Membership } {
	const user = requireUser(locals, url);
	const membership = locals.membership;
	if (!membership) error(404);
	if (!can(membership.role, action)) error(403);
	return { user, membership };
}
