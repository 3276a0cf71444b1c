import type { OrgRole } from '#lib/domain/permissions.ts';
import { m } from '#lib/paraglide/messages.js';

/** A role's name in the current language (the invitation form, its list and the link's page). */
export function roleLabel(role: OrgRole): string {
	const labels: Record<OrgRole, () => string> = {
		owner: m.invite_role_owner,
		manager: m.invite_role_manager,
		member: m.invite_role_member,
		guest: m.invite_role_guest
	};
	return labels[role]();
}
