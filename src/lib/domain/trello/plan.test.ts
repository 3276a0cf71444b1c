import { readFileSync } from 'node:fs';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { defaultMapping, isLabelTarget, planTrello } from './plan.ts';
import { TrelloBoard } from './schema.ts';

const SMALL = v.parse(
	TrelloBoard,
	JSON.parse(readFileSync(new URL('../../../../tests/fixtures/trello/small-board.json', import.meta.url), 'utf8'))
);
const PEOPLE = new Map([['mem-camille', 'user-camille']]);

describe('planTrello', () => {
	it('guesses every list, keeps Trello order, and leaves out the cards of skipped lists', () => {
		const mapping = defaultMapping(SMALL);
		expect(mapping.lists).toEqual({
			'list-idees': 'ideas',
			'list-etude': 'review',
			'list-cours': 'rollout',
			'list-fait': 'outcome',
			'list-vieux': 'ideas'
		});
		const cards = planTrello(SMALL, { ...mapping, lists: { ...mapping.lists, 'list-vieux': 'skip' } }, PEOPLE);
		expect(cards.map((c) => c.title)).toEqual([
			'Carte de fidélité numérique',
			'Réduire le temps de chauffe du four',
			'Consigne des bocaux',
			"Horaires d'été affichés en vitrine"
		]);
	});

	it('writes checklists as a note when asked, and names unknown authors with the date', () => {
		const [card] = planTrello(SMALL, { ...defaultMapping(SMALL), checklists: 'note' }, PEOPLE);
		expect(card?.reviewItems).toEqual([]);
		expect(card?.description).toContain(
			'### Avant de se lancer\n- [x] Demander le devis du logiciel de caisse\n- [ ] Sonder dix habitués'
		);
		expect(card?.ownerId).toBe('user-camille');
		expect(card?.comments.map((c) => c.authorId)).toEqual(['user-camille', null]);
		expect(card?.comments[1]?.text).toMatch(/^\*\*Yann Le Goff\*\* \(2025-03-02\) :/);
	});

	it('accepts a label target only for a team of the organisation', () => {
		expect(isLabelTarget('team:t1', ['t1'])).toBe(true);
		expect(isLabelTarget('team:t2', ['t1'])).toBe(false);
		expect(isLabelTarget('tag', [])).toBe(true);
		expect(isLabelTarget('drop table', [])).toBe(false);
	});
});
