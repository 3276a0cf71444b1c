import { summaryView } from '#lib/i18n/summary-view.ts';
import { readClosedSummary } from './closed-summary.server.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const { boardId, summary } = await readClosedSummary(locals, url, params.standupId);
	// Written in the stand-up's language, not the reader's: the record reads the same for everyone.
	return { boardId, standupId: params.standupId, view: summaryView(summary) };
};
