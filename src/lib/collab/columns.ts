import { STAGES, type Stage } from '#lib/domain/stages.ts';
import { sortRanked } from '#lib/domain/ordering.ts';
import type * as Y from 'yjs';
import { getCard, readCard, touchedCardIds, type CardView } from '#lib/board/schema.ts';

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

/** How a card read from the board document is completed before it is shown (e.g. its feed's flags). */
export type Complete = (card: CardView) => CardView;

/** The card snapshots after a change: the touched cards read again, the others kept as they were
 * (so their components see the same objects). Returns `previous` itself when nothing changed.
 * `events` may be the board's or its feed's (both key their cards by id under `cards`). */
export function rereadTouched(
	board: Y.Doc,
	previous: ReadonlyMap<string, CardView>,
	events: readonly Y.YEvent<Y.AbstractType<unknown>>[],
	complete: Complete = (card) => card
): ReadonlyMap<string, CardView> {
	const touched = new Set<string>();
	touchedCardIds(events[0]?.transaction.doc ?? board, events, touched);
	return rereadCards(board, previous, touched, complete);
}

/** As `rereadTouched`, for cards known by id (those whose texts changed, see card-texts.ts). */
export function rereadCards(
	board: Y.Doc,
	previous: ReadonlyMap<string, CardView>,
	touched: ReadonlySet<string>,
	complete: Complete = (card) => card
): ReadonlyMap<string, CardView> {
	if (touched.size === 0) return previous;
	const next = new Map(previous);
	for (const id of touched) {
		const map = getCard(board, id);
		const card = map ? readCard(map) : null;
		if (card && card.id === id) next.set(id, complete(card));
		else next.delete(id);
	}
	return next;
}
