import * as v from 'valibot';
import { toCsv } from '#lib/domain/flow/csv.ts';
import { FIGURES, flowFigures, portfolioFigure, type FigureId } from '#lib/i18n/flow-figures.ts';
import type { RequestDeps } from '../deps.ts';
import type { BoardSummary } from './boards.ts';
import { loadFlowMetrics } from './flow-metrics.ts';
import { flowQuery } from './metrics.ts';
import { loadPortfolio } from './portfolio.ts';

const Figure = v.picklist(FIGURES);

/**
 * One figure of a metrics page as a CSV download (`?figure=…` and the page's own period), in the
 * reader's language, or null when the figure named is not one of FIGURES.
 */
export async function metricsCsv(
	deps: RequestDeps,
	boards: BoardSummary[],
	url: URL,
	name: string
): Promise<Response | null> {
	const parsed = v.safeParse(Figure, url.searchParams.get('figure'));
	if (!parsed.success) return null;
	const figure: FigureId = parsed.output;
	// Only what the figure needs: the portfolio reads the live documents, the others the log.
	const { period, metrics } = await loadFlowMetrics(deps, boards, flowQuery(url));
	const table =
		figure === 'portfolio'
			? portfolioFigure(await loadPortfolio(deps, boards))
			: flowFigures(metrics, period.stuckDays)[figure];
	const file = `${name}-${figure}-${period.fromDate}-${period.toDate}.csv`.replace(/[^\w.-]+/g, '-');
	return new Response(toCsv(table.headers, table.rows), {
		headers: {
			'Content-Type': 'text/csv; charset=utf-8',
			'Content-Disposition': `attachment; filename="${file}"`,
			'Cache-Control': 'private, no-store'
		}
	});
}
