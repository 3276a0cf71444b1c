import { DEFAULT_TIME_ZONE, readSettings } from '#lib/board/board-settings.ts';
import { computeFlowMetrics, type FlowMetrics } from '#lib/domain/flow/flow.ts';
import { parseFlowPeriod, type FlowPeriod } from '#lib/domain/flow/period.ts';
import type { FlowEvent } from '#lib/domain/flow/timeline.ts';
import type { BoardDeps } from '../deps.ts';
import type { BoardSummary } from './boards.ts';

/** The kinds of the log that place a card in a stage or conclude it: all the flow metrics read. */
const FLOW_KINDS = ['created', 'moved', 'outcome'];

export interface FlowReport {
	period: FlowPeriod;
	metrics: FlowMetrics;
}

/**
 * The flow metrics of some boards (one, or an organisation's that the reader may open) over the
 * period in `query`, from the server's card log and card rows, never from a live document.
 */
export async function loadFlowMetrics(
	deps: BoardDeps,
	boards: readonly Pick<BoardSummary, 'id'>[],
	query: Record<string, string | undefined>,
	now = Date.now()
): Promise<FlowReport> {
	const period = parseFlowPeriod(query, now, await zoneOf(deps, boards));
	const ids = boards.map((b) => b.id);
	if (ids.length === 0) return { period, metrics: computeFlowMetrics([], [], period, now) };
	const [rows, cards] = await Promise.all([
		deps.db
			.selectFrom('card_event')
			.select(['card_id', 'kind', 'data', 'created_at'])
			.where('board_id', 'in', ids)
			.where('kind', 'in', FLOW_KINDS)
			.where('created_at', '<', period.end)
			.execute(),
		deps.db.selectFrom('card').select(['id', 'board_id', 'title', 'archived']).where('board_id', 'in', ids).execute()
	]);
	const events: FlowEvent[] = rows.map((r) => ({
		cardId: r.card_id,
		kind: r.kind,
		at: r.created_at,
		data: parse(r.data)
	}));
	const known = cards.map((c) => ({ id: c.id, boardId: c.board_id, title: c.title, archived: c.archived === 1 }));
	return { period, metrics: computeFlowMetrics(events, known, period, now) };
}

/** The boards' time zone (their settings); several boards take the zone most of them use. */
export async function zoneOf(deps: Pick<BoardDeps, 'sync'>, boards: readonly Pick<BoardSummary, 'id'>[]) {
	const votes = new Map<string, number>();
	for (const board of boards) {
		const zone = readSettings((await deps.sync.openFeed(board.id)).doc).timeZone;
		votes.set(zone, (votes.get(zone) ?? 0) + 1);
	}
	let best = DEFAULT_TIME_ZONE;
	let most = 0;
	for (const [zone, count] of votes) if (count > most) [best, most] = [zone, count];
	return best;
}

function parse(json: string): Record<string, unknown> {
	try {
		const value: unknown = JSON.parse(json);
		return value && typeof value === 'object' ? (value as Record<string, unknown>) : {};
	} catch {
		return {};
	}
}
