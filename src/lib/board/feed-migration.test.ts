import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readSettings } from './board-settings.ts';
import { createCard } from './commands.ts';
import { cardComments } from './comments.ts';
import { readFlags } from './feed.ts';
import { copyLegacyFeed, dropLegacyFeed, feedReady, hasLegacyFeed } from './feed-migration.ts';
import { getCard } from './schema.ts';
import { createLegacyCard } from '../../../tests/factories/legacy-card.ts';

const CARD = 'card_0123456789';
const comment = {
	parentId: null,
	authorId: 'user_0123456789',
	body: 'Ancien',
	createdAt: 1,
	editedAt: null,
	deleted: false
};
const flag = { from: 'ideas', to: 'scope', missing: ['why'], by: 'user_0123456789', at: 2 };

function oldBoard(): Y.Doc {
	const doc = new Y.Doc();
	const card = createLegacyCard(doc, {
		id: CARD,
		title: 'Tri',
		stage: 'scope',
		rank: 'a0',
		createdBy: 'user_0123456789'
	});
	card.set('comments', new Y.Map([['c_old_0000001', comment]]));
	(card.get('flags') as Y.Map<unknown>).set('f_old_0000001', flag);
	doc.getMap('settings').set('timeZone', 'Asia/Tokyo');
	return doc;
}

describe('moving an old board’s server-owned parts into its feed', () => {
	it('copies once, drops idempotently, and a crash between the two loses nothing', () => {
		const board = oldBoard();
		const feed = new Y.Doc();
		copyLegacyFeed(board, feed);
		// A crash here: the board still holds everything, the feed is ready. Loading again…
		getCard(board, CARD)!.set('comments', new Y.Map([['c_forged_00001', { ...comment, body: 'Après coup' }]]));
		copyLegacyFeed(board, feed); // …does not copy again (a client's later write there is not trusted)
		expect(feedReady(feed)).toBe(true);
		expect(cardComments(feed, CARD).map((c) => c.body)).toEqual(['Ancien']);
		expect(readFlags(feed, CARD).map((f) => f.id)).toEqual(['f_old_0000001']);
		expect(readSettings(feed).timeZone).toBe('Asia/Tokyo');
		expect(hasLegacyFeed(board)).toBe(true);
		dropLegacyFeed(board);
		expect(hasLegacyFeed(board)).toBe(false);
		expect(cardComments(board, CARD)).toEqual([]);
		expect(board.getMap('settings').size).toBe(0);
		expect(getCard(board, CARD)?.get('title')).toBe('Tri');
	});

	it('a new board has nothing to move: the feed is only marked ready', () => {
		const board = new Y.Doc();
		createCard(board, { id: CARD, title: 'Neuve', stage: 'ideas', rank: 'a0', createdBy: 'u' });
		const feed = new Y.Doc();
		copyLegacyFeed(board, feed);
		expect(feedReady(feed)).toBe(true);
		expect(feed.getMap('cards').size).toBe(0);
		expect(hasLegacyFeed(board)).toBe(false); // a new card's empty flags container is no leftover
	});
});
