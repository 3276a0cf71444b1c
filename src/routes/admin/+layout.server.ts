import type { LayoutServerLoad } from './$types';
import { requireAdmin } from './admin.server.ts';

export const load: LayoutServerLoad = ({ locals, url }) => {
	const { membership } = requireAdmin(locals, url);
	return { organizationName: membership.organizationName };
};
