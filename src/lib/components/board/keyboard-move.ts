import { neighbourStage, type Stage } from '#lib/domain/stages.ts';
import type { CardView } from '#lib/board/schema.ts';
import type { Columns } from '#lib/collab/columns.ts';

/** A place on the board; `index` counts the other cards of the column (the card itself excluded). */
export interface Place {
	stage: Stage;
	index: number;
}

export type ArrowKey = 'ArrowLeft' | 'ArrowRight' | 'ArrowUp' | 'ArrowDown';

export function isArrowKey(key: string): key is ArrowKey {
	return key === 'ArrowLeft' || key === 'ArrowRight' || key === 'ArrowUp' || key === 'ArrowDown';
}

function othersIn(columns: Columns, stage: Stage, cardId: string): CardView[] {
	return columns[stage].filter((c) => c.id !== cardId);
}

/** Where the card is now, or null when it is not on the board (archived, deleted). */
export function placeOf(columns: Columns, cardId: string): Place | null {
	for (const [stage, cards] of Object.entries(columns) as [Stage, CardView[]][]) {
		const index = cards.findIndex((c) => c.id === cardId);
		if (index >= 0) return { stage, index };
	}
	return null;
}

/** Where one arrow key press takes the card. Left/right keep the row when the column is long
 * enough; at the board's edges the card stays put. */
export function step(columns: Columns, cardId: string, from: Place, key: ArrowKey): Place {
	if (key === 'ArrowUp' || key === 'ArrowDown') {
		const last = othersIn(columns, from.stage, cardId).length;
		const index = from.index + (key === 'ArrowUp' ? -1 : 1);
		return { stage: from.stage, index: Math.max(0, Math.min(last, index)) };
	}
	const stage = neighbourStage(from.stage, key === 'ArrowLeft' ? -1 : 1);
	if (!stage) return from;
	return { stage, index: Math.min(from.index, othersIn(columns, stage, cardId).length) };
}

/** The columns as they would look with the card at `place` (a preview; nothing is written). */
export function withCardAt(columns: Columns, cardId: string, place: Place): Columns {
	const current = placeOf(columns, cardId);
	if (!current) return columns;
	const card = columns[current.stage][current.index]!;
	const preview = { ...columns, [current.stage]: othersIn(columns, current.stage, cardId) };
	const target = [...preview[place.stage]];
	target.splice(place.index, 0, card);
	return { ...preview, [place.stage]: target };
}

/** 1-based position and column size, for announcements. */
export function positionIn(columns: Columns, cardId: string, place: Place) {
	return { position: place.index + 1, total: othersIn(columns, place.stage, cardId).length + 1 };
}
