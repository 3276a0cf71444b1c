import { describe, expect, it } from 'vitest';
import type { CardView } from '#lib/board/schema.ts';
import { emptySections } from '#lib/board/card-sections.ts';
import type { Columns } from '#lib/collab/columns.ts';
import { placeFromTouch } from './long-press-move.ts';

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

describe('placeFromTouch', () => {
	it('lands above a card under the upper half of the finger, below it on its lower half', () => {
		expect(placeFromTouch(board, 'a', 'review', 'd', false)).toEqual({ stage: 'review', index: 0 });
		expect(placeFromTouch(board, 'a', 'review', 'd', true)).toEqual({ stage: 'review', index: 1 });
	});

	it('puts the card last on a column’s free space (an empty column too)', () => {
		expect(placeFromTouch(board, 'd', 'ideas', null, false)).toEqual({ stage: 'ideas', index: 3 });
		expect(placeFromTouch(board, 'd', 'objective', null, false)).toEqual({ stage: 'objective', index: 0 });
	});

	it('counts places without the moved card, in its own column', () => {
		expect(placeFromTouch(board, 'a', 'ideas', 'c', true)).toEqual({ stage: 'ideas', index: 2 });
		expect(placeFromTouch(board, 'c', 'ideas', 'a', false)).toEqual({ stage: 'ideas', index: 0 });
	});
});
