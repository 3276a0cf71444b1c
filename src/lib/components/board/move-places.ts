import type { Stage } from '#lib/domain/stages.ts';
import type { CardView } from '#lib/board/schema.ts';
import type { Columns } from '#lib/collab/columns.ts';
import { placeOf } from './keyboard-move.ts';

/** A place the "Move to…" menu offers: `index` among the column's other cards, after `after` (null: the top). */
export interface MovePlace {
	index: number;
	after: CardView | null;
}

/** Every place in `stage` the card may go: the top, then after each of the column's other cards. */
export function movePlaces(columns: Columns, cardId: string, stage: Stage): MovePlace[] {
	const others = columns[stage].filter((c) => c.id !== cardId);
	return [{ index: 0, after: null }, ...others.map((card, i) => ({ index: i + 1, after: card }))];
}

/** Where the menu starts in `stage`: the card's own place in its column, else the bottom. */
export function startIndex(columns: Columns, cardId: string, stage: Stage): number {
	const current = placeOf(columns, cardId);
	if (current?.stage === stage) return current.index;
	return columns[stage].filter((c) => c.id !== cardId).length;
}
