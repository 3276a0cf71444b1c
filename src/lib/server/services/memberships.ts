import type { OrgRole } from '#lib/domain/permissions.ts';
import type { Db } from '../db/open.ts';

export interface Membership {
	organizationId: string;
	organizationName: string;
	role: OrgRole;
	/** Guests only: their company. */
	company: string | null;
}

/**
 * The organisation a person works in: their first membership as a member (or more), else their first
 * as a guest. A person invited as a guest elsewhere keeps their own organisation as home.
 */
export async function findHomeMembership(db: Db, userId: string): Promise<Membership | null> {
	const rows = await db
		.selectFrom('membership')
		.innerJoin('organization', 'organization.id', 'membership.organization_id')
		.select(['organization.id', 'organization.name', 'membership.role', 'membership.company'])
		.where('membership.user_id', '=', userId)
		.orderBy('membership.created_at')
		.execute();
	const row = rows.find((r) => r.role !== 'guest') ?? rows[0];
	if (!row) return null;
	return { organizationId: row.id, organizationName: row.name, role: row.role, company: row.company };
}

/** A person's membership of one organisation, or null. */
export async function findMembership(db: Db, organizationId: string, userId: string): Promise<Membership | null> {
	const row = await db
		.selectFrom('membership')
		.innerJoin('organization', 'organization.id', 'membership.organization_id')
		.select(['organization.id', 'organization.name', 'membership.role', 'membership.company'])
		.where('membership.user_id', '=', userId)
		.where('membership.organization_id', '=', organizationId)
		.executeTakeFirst();
	return row ? { organizationId: row.id, organizationName: row.name, role: row.role, company: row.company } : null;
}
