import type { Db } from '../db/open.ts';

/** The companies of an organisation's guests, by name: what a card can be shared with. */
export async function listGuestCompanies(db: Db, organizationId: string): Promise<string[]> {
	const rows = await db
		.selectFrom('membership')
		.select('company')
		.distinct()
		.where('organization_id', '=', organizationId)
		.where('role', '=', 'guest')
		.where('company', 'is not', null)
		.orderBy('company')
		.execute();
	return rows.flatMap((row) => (row.company ? [row.company] : []));
}
