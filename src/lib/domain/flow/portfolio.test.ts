import { describe, expect, it } from 'vitest';
import type { Objective } from '../method/types.ts';
import { buildPortfolio, type PortfolioCard } from './portfolio.ts';

const objective = (extra: Partial<Objective>): Objective => ({ direction: 'increase', ...extra });
const card = (cardId: string, extra: Partial<PortfolioCard>): PortfolioCard => ({
	cardId,
	boardId: 'b1',
	title: `Card ${cardId}`,
	stage: 'rollout',
	status: 'on-track',
	objective: undefined,
	measured: null,
	verdict: null,
	...extra
});
const objectives = [
	{ id: 'g1', boardId: 'b1', title: 'Fidéliser' },
	{ id: 'g2', boardId: 'b1', title: 'Réduire les coûts' }
];

describe('buildPortfolio', () => {
	it('groups initiatives under the objective they serve, with progress and effect', () => {
		const p = buildPortfolio(objectives, [
			card('A', {
				objective: objective({ globalObjectiveId: 'g1', baseline: 10, target: 20, unit: '€' }),
				measured: 15
			}),
			card('B', {
				objective: objective({
					globalObjectiveId: 'g1',
					baseline: 100,
					target: 60,
					unit: ' € ',
					direction: 'decrease'
				}),
				measured: 80
			})
		]);
		expect(p.groups[0]?.lines.map((l) => [l.cardId, l.progress, l.effect])).toEqual([
			['A', 0.5, 5],
			['B', 0.5, 20]
		]);
		expect(p.groups[0]?.totals).toEqual([{ unit: '€', effect: 25, count: 2 }]);
		expect(p.groups[1]).toMatchObject({ lines: [], totals: [] });
	});

	it('adds effects only where units agree', () => {
		const p = buildPortfolio(objectives, [
			card('A', { objective: objective({ globalObjectiveId: 'g2', baseline: 0, target: 10, unit: 'h' }), measured: 4 }),
			card('B', { objective: objective({ globalObjectiveId: 'g2', baseline: 0, target: 10, unit: 'H' }), measured: 3 }),
			card('C', { objective: objective({ globalObjectiveId: 'g2', baseline: 0, target: 10, unit: '€' }), measured: 7 }),
			card('D', { objective: objective({ globalObjectiveId: 'g2', target: 10, unit: '€' }), measured: 7 })
		]);
		expect(p.groups[1]?.totals).toEqual([
			{ unit: 'h', effect: 7, count: 2 },
			{ unit: '€', effect: 7, count: 1 }
		]);
		const noisy = buildPortfolio(objectives, [
			card('E', { objective: objective({ globalObjectiveId: 'g1', baseline: 11.8, target: 20 }), measured: 12.9 })
		]);
		expect(noisy.groups[0]?.lines[0]?.effect).toBe(1.1);
		expect(p.groups[1]?.lines.find((l) => l.cardId === 'D')).toMatchObject({ effect: null, progress: null });
	});

	it('lists the initiatives that serve no objective, or one that no longer exists', () => {
		const p = buildPortfolio(objectives, [
			card('A', {}),
			card('B', { objective: objective({ globalObjectiveId: 'gone' }) }),
			card('C', { objective: objective({ globalObjectiveId: 'g1' }) })
		]);
		expect(p.unaligned.map((l) => l.cardId)).toEqual(['A', 'B']);
		expect(p.groups[0]?.lines.map((l) => l.cardId)).toEqual(['C']);
	});
});
