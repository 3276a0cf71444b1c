import { parsePeriod } from '#lib/domain/social-map.ts';
import { loadSocialMap } from '#lib/server/services/social-map.ts';
import { requireAdmin } from '../admin.server.ts';
import type { PageServerLoad } from './$types';

/** The organisation's contribution map: owners and managers only (org.admin), else 403. */
export const load: PageServerLoad = async ({ locals, url, depends }) => {
	const { membership } = requireAdmin(locals, url);
	depends('app:social-map'); // MAP_DEPENDENCY, invalidated live by the page
	const period = parsePeriod(url.searchParams.get('from'), url.searchParams.get('to'), Date.now());
	const map = await loadSocialMap(locals.db, { organizationId: membership.organizationId }, period);
	return {
		organizationName: membership.organizationName,
		map,
		fromDate: period.fromDate,
		toDate: period.toDate
	};
};
