import { describe, expect, it } from 'vitest';
import { emptySections } from '#lib/board/card-sections.ts';
import type { CardView } from '#lib/board/schema.ts';
import { filtersSearch, matchesFilters, readFilters, type Filters } from './filters.ts';

const card = (extra: Partial<CardView> = {}): CardView => ({
	id: 'card_0000000001',
	title: 'Réduire la consommation d’énergie',
	stage: 'rollout',
	rank: 'a0',
	archived: false,
	createdAt: 0,
	createdBy: '',
	description: 'Four n°2 et chambre froide',
	sections: {
		...emptySections(),
		teamId: 'team_prod_0001',
		ownerId: 'user_claire_01',
		learnings: 'Les minuteurs marchent'
	},
	...extra
});
const none: Filters = { q: '', team: '', owner: '', status: '', stage: '' };

describe('board filters', () => {
	it('round-trip through the URL, dropping unknown values', () => {
		const filters = readFilters(new URLSearchParams('q=four&team=t1&status=at-risk&stage=scope&owner=u1'));
		expect(filters).toEqual({ q: 'four', team: 't1', owner: 'u1', status: 'at-risk', stage: 'scope' });
		expect(readFilters(new URLSearchParams(filtersSearch(filters)))).toEqual(filters);
		expect(readFilters(new URLSearchParams('status=great&stage=nowhere'))).toEqual(none);
		expect(filtersSearch(none)).toBe('');
	});

	it('search folds case and accents over title, description and learnings', () => {
		expect(matchesFilters(card(), 'on-track', { ...none, q: 'ENERGIE' })).toBe(true);
		expect(matchesFilters(card(), 'on-track', { ...none, q: 'chambre four' })).toBe(true);
		expect(matchesFilters(card(), 'on-track', { ...none, q: 'minuteurs' })).toBe(true);
		expect(matchesFilters(card(), 'on-track', { ...none, q: 'four sèche-linge' })).toBe(false);
	});

	it('filters by team (owning or contributing), owner and status', () => {
		expect(matchesFilters(card(), 'on-track', { ...none, team: 'team_prod_0001' })).toBe(true);
		expect(matchesFilters(card(), 'on-track', { ...none, team: 'team_other_01' })).toBe(false);
		const helping = card({ sections: { ...emptySections(), contributingTeamIds: ['team_other_01'] } });
		expect(matchesFilters(helping, 'on-track', { ...none, team: 'team_other_01' })).toBe(true);
		expect(matchesFilters(card(), 'on-track', { ...none, owner: 'user_claire_01' })).toBe(true);
		expect(matchesFilters(card(), 'on-track', { ...none, owner: 'user_karim_001' })).toBe(false);
		expect(matchesFilters(card(), 'at-risk', { ...none, status: 'at-risk' })).toBe(true);
		expect(matchesFilters(card(), 'on-track', { ...none, status: 'at-risk' })).toBe(false);
	});
});
