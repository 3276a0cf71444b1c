import { describe, expect, it } from 'vitest';
import { buildSocialMap, parsePeriod, type Contribution } from './social-map.ts';

const period = { from: 1000, to: 2000 };
const teams = [
	{ id: 'ops', name: 'Ops' },
	{ id: 'dev', name: 'Dev' },
	{ id: 'sales', name: 'Ventes' }
];
const memberships = [
	{ teamId: 'dev', userId: 'alice' },
	{ teamId: 'ops', userId: 'bob' },
	{ teamId: 'dev', userId: 'bob' }, // bob is in two teams
	{ teamId: 'sales', userId: 'carla' },
	{ teamId: 'ops', userId: 'dan' }
];
const cards = [
	{ id: 'c-ops', boardId: 'b', title: 'Tournée', teamId: 'ops' },
	{ id: 'c-sales', boardId: 'b', title: 'Salon', teamId: 'sales' },
	{ id: 'c-dev', boardId: 'b', title: 'API', teamId: 'dev' },
	{ id: 'c-none', boardId: 'b', title: 'Sans équipe', teamId: null }
];
const contributions: Contribution[] = [
	// alice (dev) → ops: 2 comments, 1 help answer, 1 signal
	{ kind: 'comments', personId: 'alice', cardId: 'c-ops', at: 1000 },
	{ kind: 'comments', personId: 'alice', cardId: 'c-ops', at: 1500 },
	{ kind: 'help', personId: 'alice', cardId: 'c-ops', at: 1600 },
	{ kind: 'signals', personId: 'alice', cardId: 'c-ops', at: 1700 },
	// bob (ops + dev) → sales: counts for both ops and dev
	{ kind: 'comments', personId: 'bob', cardId: 'c-sales', at: 1200 },
	// bob on an ops card: he is a member of ops, so nothing
	{ kind: 'comments', personId: 'bob', cardId: 'c-ops', at: 1200 },
	// carla (sales) → ops, deleted: nothing
	{ kind: 'comments', personId: 'carla', cardId: 'c-ops', at: 1200, deleted: true },
	// carla → ops outside the period: nothing (to is exclusive)
	{ kind: 'comments', personId: 'carla', cardId: 'c-ops', at: 999 },
	{ kind: 'comments', personId: 'carla', cardId: 'c-ops', at: 2000 },
	// carla → dev: a signal in the period
	{ kind: 'signals', personId: 'carla', cardId: 'c-dev', at: 1999 },
	// dev card: only inside input from alice besides carla; dan → card without owner: left out
	{ kind: 'comments', personId: 'alice', cardId: 'c-dev', at: 1500 },
	{ kind: 'comments', personId: 'dan', cardId: 'c-none', at: 1500 },
	// a guest (no team): nothing
	{ kind: 'signals', personId: 'guest', cardId: 'c-sales', at: 1500 }
];

const cell = (comments: number, help: number, signals: number) => ({
	comments,
	help,
	signals,
	total: comments + help + signals
});

describe('buildSocialMap', () => {
	it('fills every cell exactly', () => {
		const map = buildSocialMap({ teams, memberships, cards, contributions, period });
		expect(map.rows.map((t) => t.id)).toEqual(['dev', 'ops', 'sales']);
		expect(map.cols.map((t) => t.id)).toEqual(['dev', 'ops', 'sales']);
		expect(map.cells).toEqual({
			dev: { dev: cell(0, 0, 0), ops: cell(2, 1, 1), sales: cell(1, 0, 0) },
			ops: { dev: cell(0, 0, 0), ops: cell(0, 0, 0), sales: cell(1, 0, 0) },
			sales: { dev: cell(0, 0, 1), ops: cell(0, 0, 0), sales: cell(0, 0, 0) }
		});
		expect(map.max).toBe(4);
		expect(map.isolated).toEqual([]);
	});

	it('lists cards with only inside input, and none without an owning team', () => {
		const map = buildSocialMap({
			teams,
			memberships,
			cards,
			contributions: contributions.filter((c) => c.personId !== 'carla'),
			period
		});
		expect(map.isolated.map((c) => c.id)).toEqual(['c-dev']);
		expect(map.cells.sales?.dev).toEqual(cell(0, 0, 0));
	});

	it('lists a card with no input at all, and counts nothing outside the period', () => {
		const map = buildSocialMap({ teams, memberships, cards, contributions, period: { from: 5000, to: 6000 } });
		expect(map.max).toBe(0);
		expect(map.isolated.map((c) => c.id)).toEqual(['c-dev', 'c-sales', 'c-ops']);
	});
});

describe('parsePeriod', () => {
	it('defaults to the last 30 days and reads dates from the URL', () => {
		const now = Date.parse('2026-11-24T14:00:00Z');
		expect(parsePeriod(null, null, now)).toEqual({
			from: Date.parse('2026-10-26T00:00:00Z'),
			to: Date.parse('2026-11-25T00:00:00Z'),
			fromDate: '2026-10-26',
			toDate: '2026-11-25'
		});
		expect(parsePeriod('2026-01-01', '2026-02-01', now)).toMatchObject({
			fromDate: '2026-01-01',
			toDate: '2026-02-01'
		});
		expect(parsePeriod('nope', '2026-02-01', now).fromDate).toBe('2026-01-02');
		expect(parsePeriod('2026-03-01', '2026-02-01', now).fromDate).toBe('2026-01-31');
	});
});
