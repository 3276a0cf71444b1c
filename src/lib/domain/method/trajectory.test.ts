import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { completeCard } from './fixtures.ts';
import { trajectory } from './trajectory.ts';

describe('trajectory', () => {
	it('places check-ins and the planned line in one 0..1 box', () => {
		const card = completeCard();
		card.checkIns = [
			{ date: '2026-02-24', value: 40, confidence: 'on-track', note: '' },
			{ date: '2026-01-05', value: -25, confidence: 'at-risk', note: '' }
		];
		expect(trajectory(card)).toEqual({
			checkIns: [
				{ x: 0, y: 0, date: '2026-01-05', value: -25 },
				{ x: 0.5, y: 0.52, date: '2026-02-24', value: 40 }
			],
			expected: { from: { x: 0, y: 0.2 }, to: { x: 1, y: 1 } }
		});
	});

	it('draws a decrease going down and stretches the box past the deadline', () => {
		const card = completeCard();
		card.objective = { ...card.objective, direction: 'decrease', baseline: 100, target: 0 };
		card.checkIns = [{ date: '2026-05-25', value: 0, confidence: 'on-track', note: '' }];
		expect(trajectory(card)?.expected).toEqual({ from: { x: 0, y: 1 }, to: { x: 100 / 140, y: 0 } });
	});

	it('draws the check-ins alone without a line, and nothing without data', () => {
		const single = trajectory({ checkIns: [{ date: '2026-01-05', value: 3, confidence: 'on-track', note: '' }] });
		expect(single).toEqual({ checkIns: [{ x: 0.5, y: 0.5, date: '2026-01-05', value: 3 }], expected: null });
		expect(trajectory({})).toBeNull();
		expect(trajectory({ checkIns: [{ date: 'soon', value: 3, confidence: 'on-track', note: '' }] })).toBeNull();
	});

	it('keeps every coordinate finite and inside the box', () => {
		const value = fc.double({ noNaN: true, noDefaultInfinity: true });
		fc.assert(
			fc.property(value, value, fc.array(value, { maxLength: 5 }), (baseline, target, values) => {
				const card = completeCard();
				card.objective = { ...card.objective, baseline, target };
				card.checkIns = values.map((v, i) => ({ date: `2026-02-1${i}`, value: v, confidence: 'on-track', note: '' }));
				const t = trajectory(card);
				const points = [...(t?.checkIns ?? []), t?.expected?.from, t?.expected?.to];
				for (const p of points) {
					expect(p && p.x >= 0 && p.x <= 1 && p.y >= 0 && p.y <= 1).toBe(true);
				}
			})
		);
	});
});
