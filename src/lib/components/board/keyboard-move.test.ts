import { describe, expect, it } from 'vitest';
import type { CardView } from '#lib/board/schema.ts';
import { emptySections } from '#lib/board/card-sections.ts';
import type { Columns } from '#lib/collab/columns.ts';
import { placeOf, positionIn, step, withCardAt } from './keyboard-move.ts';
import { movePlaces, startIndex } from './move-places.ts';

const card = (id: string, stage: CardView['stage']): CardView => ({
	id,
	title: id,
	stage,
	rank: id,
	archived: false,
	createdAt: 0,
	createdBy: '',
	sections: emptySections(),
	description: ''
});

const board: Columns = {
	ideas: [card('a', 'ideas'), card('b', 'ideas'), card('c', 'ideas')],
	review: [card('d', 'review')],
	objective: [],
	scope: [],
	rollout: [],
	outcome: []
};
const ids = (columns: Columns) =>
	Object.fromEntries(Object.entries(columns).map(([s, cs]) => [s, cs.map((c) => c.id).join('')]));

describe('keyboard moves', () => {
	it('steps within a column, stopping at both ends', () => {
		expect(step(board, 'b', { stage: 'ideas', index: 1 }, 'ArrowUp')).toEqual({ stage: 'ideas', index: 0 });
		expect(step(board, 'a', { stage: 'ideas', index: 0 }, 'ArrowUp')).toEqual({ stage: 'ideas', index: 0 });
		expect(step(board, 'c', { stage: 'ideas', index: 2 }, 'ArrowDown')).toEqual({ stage: 'ideas', index: 2 });
	});

	it('steps across columns, keeping the row when it can and stopping at the board edges', () => {
		expect(step(board, 'c', { stage: 'ideas', index: 2 }, 'ArrowRight')).toEqual({ stage: 'review', index: 1 });
		expect(step(board, 'a', { stage: 'ideas', index: 0 }, 'ArrowLeft')).toEqual({ stage: 'ideas', index: 0 });
		expect(step(board, 'd', { stage: 'review', index: 0 }, 'ArrowRight')).toEqual({ stage: 'objective', index: 0 });
	});

	it('previews a card elsewhere without touching the live columns', () => {
		const preview = withCardAt(board, 'a', { stage: 'review', index: 1 });
		expect(ids(preview)).toMatchObject({ ideas: 'bc', review: 'da' });
		expect(ids(board)).toMatchObject({ ideas: 'abc', review: 'd' });
		expect(placeOf(preview, 'a')).toEqual({ stage: 'review', index: 1 });
		expect(positionIn(board, 'a', { stage: 'review', index: 1 })).toEqual({ position: 2, total: 2 });
		expect(placeOf(board, 'zz')).toBeNull();
	});
});

describe('the "Move to…" menu', () => {
	const offered = (cardId: string, stage: CardView['stage']) =>
		movePlaces(board, cardId, stage).map((p) => `${p.index}:${p.after?.id ?? 'top'}`);

	it('offers the top and a place after each other card of the column', () => {
		expect(offered('d', 'ideas')).toEqual(['0:top', '1:a', '2:b', '3:c']);
		expect(offered('b', 'ideas')).toEqual(['0:top', '1:a', '2:c']); // not after itself
		expect(offered('a', 'objective')).toEqual(['0:top']);
	});

	it("starts at the card's own place in its column, and at the bottom of another", () => {
		expect(startIndex(board, 'b', 'ideas')).toBe(1);
		expect(startIndex(board, 'a', 'review')).toBe(1);
		expect(startIndex(board, 'd', 'ideas')).toBe(3);
		expect(startIndex(board, 'a', 'scope')).toBe(0);
	});
});
