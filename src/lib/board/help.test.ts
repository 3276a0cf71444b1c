import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { cardOpenHelp, OPEN_HELP, putOpenHelp } from './help.ts';
import { getCard } from './schema.ts';
import { createCard } from './commands.ts';

describe('open help mirror', () => {
	it('writes and reads the teams asked, and ignores malformed values', () => {
		const doc = new Y.Doc();
		const cardId = 'card_0123456789';
		createCard(doc, { id: cardId, title: 'Tri', stage: 'ideas', rank: 'a0', createdBy: 'user_0123456789' });
		expect(cardOpenHelp(doc, cardId)).toEqual([]);
		expect(putOpenHelp(doc, cardId, ['AAAAAAAAAAAAAAAAAAAAA', 'AAAAAAAAAAAAAAAAAAAAA'])).toBe(true);
		expect(cardOpenHelp(doc, cardId)).toEqual(['AAAAAAAAAAAAAAAAAAAAA']);
		getCard(doc, cardId)!.set(OPEN_HELP, ['<script>']);
		expect(cardOpenHelp(doc, cardId)).toEqual([]);
		expect(putOpenHelp(doc, cardId, ['<script>'])).toBe(false);
	});
});
