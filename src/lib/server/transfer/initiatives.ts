import { readSettings } from '#lib/board/board-settings.ts';
import { toMethodCard } from '#lib/board/card-sections.ts';
import { readCards } from '#lib/board/schema.ts';
import { latestCheckIn } from '#lib/domain/method/line.ts';
import { cardStatus } from '#lib/domain/method/status.ts';
import { compareRanked } from '#lib/domain/ordering.ts';
import { stageIndex } from '#lib/domain/stages.ts';
import type { InitiativeRow } from '#lib/i18n/initiatives-csv.ts';
import type { BoardDeps } from '../deps.ts';
import { listDirectory } from '../services/directory.ts';

/** The board's cards (archived ones left out) as spreadsheet rows, by stage then by place in the column. */
export async function listInitiativeRows(
	deps: BoardDeps,
	board: { id: string; organizationId: string },
	now = Date.now()
): Promise<InitiativeRow[]> {
	const [room, feed, directory] = await Promise.all([
		deps.sync.openRoom(board.id),
		deps.sync.openFeed(board.id),
		listDirectory(deps.db, board.organizationId)
	]);
	const settings = readSettings(feed.doc);
	const people = new Map(directory.members.map((p) => [p.id, p.name]));
	const teams = new Map(directory.teams.map((t) => [t.id, t.name]));
	const cards = readCards(room.doc)
		.filter((c) => !c.archived)
		.sort((a, b) => stageIndex(a.stage) - stageIndex(b.stage) || compareRanked(a, b));
	return cards.map((card) => {
		const s = card.sections;
		const method = toMethodCard(s);
		return {
			title: card.title,
			stage: card.stage,
			owner: (s.ownerId && people.get(s.ownerId)) || '',
			team: (s.teamId && teams.get(s.teamId)) || '',
			metric: s.objective.metric ?? '',
			baseline: s.objective.baseline ?? null,
			target: s.objective.target ?? null,
			latest: latestCheckIn(method)?.value ?? null,
			status: cardStatus(method, now, settings.timeZone, settings).status,
			outcome: s.outcome.verdict
		};
	});
}
