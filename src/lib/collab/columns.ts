import { STAGES, type Stage } from '#lib/domain/stages.ts';
import { sortRanked } from '#lib/domain/ordering.ts';
import type { CardView } from '#lib/board/schema.ts';

/** The board as the UI shows it: live cards per stage in rank order, archived cards apart. */
export type Columns = Record<Stage, CardView[]>;

export function emptyColumns(): Columns {
	return Object.fromEntries(STAGES.map((stage) => [stage, [] as CardView[]])) as Columns;
}

export function arrangeCards(cards: readonly CardView[]): { columns: Columns; archived: CardView[] } {
	const columns = emptyColumns();
	const archived: CardView[] = [];
	for (const card of cards) {
		if (card.archived) archived.push(card);
		else columns[card.stage].push(card);
	}
	for (const stage of STAGES) columns[stage] = sortRanked(columns[stage]);
	archived.sort((a, b) => b.createdAt - a.createdAt); // most recently created first
	return { columns, archived };
}
