import { readObjectives, readSettings } from '#lib/board/board-settings.ts';
import { toMethodCard } from '#lib/board/card-sections.ts';
import { readCards } from '#lib/board/schema.ts';
import { buildPortfolio, type Portfolio, type PortfolioCard } from '#lib/domain/flow/portfolio.ts';
import { latestCheckIn } from '#lib/domain/method/line.ts';
import { cardStatus } from '#lib/domain/method/status.ts';
import type { BoardDeps } from '../deps.ts';
import type { BoardSummary } from './boards.ts';

/**
 * The global objectives of some boards with the live initiatives that serve them. Status, progress
 * and results are judged on the boards' documents as they are now (what the card pages show).
 */
export async function loadPortfolio(
	deps: Pick<BoardDeps, 'sync'>,
	boards: readonly Pick<BoardSummary, 'id'>[],
	now = Date.now()
): Promise<Portfolio> {
	const objectives: { id: string; boardId: string; title: string }[] = [];
	const cards: PortfolioCard[] = [];
	for (const board of boards) {
		const feed = (await deps.sync.openFeed(board.id)).doc;
		const room = await deps.sync.openRoom(board.id);
		const settings = readSettings(feed);
		for (const o of readObjectives(feed)) objectives.push({ id: o.id, boardId: board.id, title: o.title });
		for (const card of readCards(room.doc)) {
			if (card.archived) continue;
			const method = toMethodCard(card.sections);
			const result = card.sections.outcome.result;
			cards.push({
				cardId: card.id,
				boardId: board.id,
				title: card.title,
				stage: card.stage,
				status: cardStatus(method, now, settings.timeZone, settings).status,
				objective: method.objective,
				measured: result ?? latestCheckIn(method)?.value ?? null,
				verdict: card.sections.outcome.verdict
			});
		}
	}
	return buildPortfolio(objectives, cards);
}
