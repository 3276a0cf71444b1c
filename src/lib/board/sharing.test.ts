import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createCard } from './commands.ts';
import { getCard } from './schema.ts';
import {
	ALL_GUESTS,
	cardSharing,
	isSharedWith,
	MAX_SHARED_COMPANIES,
	parseAudience,
	readSharing,
	setSharing,
	SHARED_WITH,
	toAudience
} from './sharing.ts';

const CARD = 'card_0123456789';

function board(): Y.Doc {
	const doc = new Y.Doc();
	createCard(doc, { id: CARD, title: 'Tri', stage: 'ideas', rank: 'a0', createdBy: 'user_0123456789' });
	return doc;
}

describe('card sharing', () => {
	it('is nobody by default, and reads back what was set', () => {
		const doc = board();
		expect(cardSharing(doc, CARD)).toEqual({ mode: 'none' });
		setSharing(doc, CARD, { mode: 'all' });
		expect(cardSharing(doc, CARD)).toEqual({ mode: 'all' });
		setSharing(doc, CARD, { mode: 'companies', companies: [' Acme ', 'Biocoop', 'Acme'] });
		expect(cardSharing(doc, CARD)).toEqual({ mode: 'companies', companies: ['Acme', 'Biocoop'] });
		expect(getCard(doc, CARD)?.get(SHARED_WITH)).toEqual(['Acme', 'Biocoop']);
		setSharing(doc, CARD, { mode: 'none' });
		expect(getCard(doc, CARD)?.has(SHARED_WITH)).toBe(false);
	});

	it('chosen companies with none left share with nobody', () => {
		const doc = board();
		setSharing(doc, CARD, { mode: 'companies', companies: ['Acme'] });
		setSharing(doc, CARD, { mode: 'companies', companies: [] });
		expect(cardSharing(doc, CARD)).toEqual({ mode: 'none' });
	});

	it('a write that changes nothing makes no update', () => {
		const doc = board();
		setSharing(doc, CARD, { mode: 'all' });
		let updates = 0;
		doc.on('update', () => (updates += 1));
		setSharing(doc, CARD, { mode: 'all' });
		setSharing(doc, 'card_missing_000', { mode: 'all' });
		expect(updates).toBe(0);
	});

	it('a malformed stored value shares with nobody', () => {
		const doc = board();
		const card = getCard(doc, CARD)!;
		for (const hostile of [
			'*',
			42,
			{ 0: '*' },
			[''],
			[12],
			['x'.repeat(81)],
			Array(MAX_SHARED_COMPANIES + 1).fill('A')
		]) {
			card.set(SHARED_WITH, hostile);
			expect(readSharing(card)).toEqual({ mode: 'none' });
		}
		card.set(SHARED_WITH, ['Acme', ALL_GUESTS]);
		expect(readSharing(card)).toEqual({ mode: 'all' });
	});

	it('decides who sees a card: every guest, or the guests of a listed company', () => {
		expect(isSharedWith([ALL_GUESTS], null)).toBe(true);
		expect(isSharedWith([ALL_GUESTS], 'Acme')).toBe(true);
		expect(isSharedWith(['Acme'], 'Acme')).toBe(true);
		expect(isSharedWith(['Acme'], 'Biocoop')).toBe(false);
		expect(isSharedWith(['Acme'], null)).toBe(false);
		expect(isSharedWith([], 'Acme')).toBe(false);
		expect(toAudience({ mode: 'none' })).toEqual([]);
		expect(parseAudience(JSON.parse('["Acme"]'))).toEqual(['Acme']);
	});
});
