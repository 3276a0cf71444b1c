import { describe, expect, it } from 'vitest';
import type { CardView } from '#lib/board/schema.ts';
import { emptySections } from '#lib/board/card-sections.ts';
import { arrangeCards } from './columns.ts';

const card = (id: string, rank: string, extra: Partial<CardView> = {}): CardView => ({
	id,
	title: id,
	stage: 'ideas',
	rank,
	archived: false,
	createdAt: 0,
	createdBy: '',
	sections: emptySections(),
	description: '',
	...extra
});

describe('arrangeCards', () => {
	it('sorts each column by rank and keeps archived cards apart, newest first', () => {
		const { columns, archived } = arrangeCards([
			card('b', 'a2'),
			card('a', 'a1'),
			card('r', 'a0', { stage: 'review' }),
			card('old', 'a3', { archived: true, createdAt: 1 }),
			card('new', 'a4', { archived: true, createdAt: 2 })
		]);
		expect(columns.ideas.map((c) => c.id)).toEqual(['a', 'b']);
		expect(columns.review.map((c) => c.id)).toEqual(['r']);
		expect(columns.outcome).toEqual([]);
		expect(archived.map((c) => c.id)).toEqual(['new', 'old']);
	});
});
