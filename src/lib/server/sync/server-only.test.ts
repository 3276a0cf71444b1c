import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createCard } from '#lib/board/commands.ts';
import { COMMENTS } from '#lib/board/comments.ts';
import { getCard } from '#lib/board/schema.ts';
import { guardServerOnly, type Revert } from './server-only.ts';

function guardedBoard() {
	const doc = new Y.Doc();
	createCard(doc, { id: 'c1', title: 'Card', stage: 'ideas', rank: 'a0', createdBy: 'u' });
	const reverts: Revert[] = [];
	guardServerOnly(
		doc,
		(origin) => origin === 'server',
		(revert) => reverts.push(revert)
	);
	const card = getCard(doc, 'c1');
	if (!card) throw new Error('no card');
	return { doc, card, reverts };
}

describe('guardServerOnly', () => {
	it('asks for no revert when a client changes a card’s own fields (each revert costs a copy of the board)', () => {
		const { doc, card, reverts } = guardedBoard();
		doc.transact(() => card.set('rank', 'a1'), 'client');
		doc.transact(() => card.set('title', 'Renamed'), 'client');
		expect(reverts).toHaveLength(0);
	});

	it('still removes a server-only container a client made on a card', () => {
		const { doc, card, reverts } = guardedBoard();
		doc.transact(() => card.set(COMMENTS, new Y.Map()), 'client');
		expect(reverts).toHaveLength(1);
		reverts[0]?.(doc);
		expect(card.has(COMMENTS)).toBe(false);
	});
});
