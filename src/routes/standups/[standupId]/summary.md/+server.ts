import { summaryMarkdown } from '#lib/i18n/summary-markdown.ts';
import { summaryDate } from '#lib/domain/standup/record.ts';
import { readClosedSummary } from '../closed-summary.server.ts';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals, url, params }) => {
	const { summary } = await readClosedSummary(locals, url, params.standupId);
	return new Response(summaryMarkdown(summary), {
		headers: {
			'Content-Type': 'text/markdown; charset=utf-8',
			'Content-Disposition': `attachment; filename="standup-${summaryDate(summary)}.md"`,
			'Cache-Control': 'private, no-store'
		}
	});
};
