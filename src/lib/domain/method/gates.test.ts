import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { STAGES, type Stage } from '../stages.ts';
import { completeCard } from './fixtures.ts';
import { checkMove, isOverrideValid, missingToEnter } from './gates.ts';
import type { MethodCard } from './types.ts';

const stage = fc.constantFrom(...STAGES);
const SECTIONS: (keyof MethodCard)[] = ['review', 'objective', 'scope', 'rollout', 'checkIns'];
const codes = (card: MethodCard, to: Stage) => missingToEnter(card, to).map((m) => m.code);

describe('gates', () => {
	it('lets a complete card through every gate, even all at once', () => {
		expect(checkMove(completeCard(), 'ideas', 'outcome')).toEqual({ allowed: true });
	});

	it('asks nothing to put an idea up for review', () => {
		expect(checkMove({}, 'ideas', 'review')).toEqual({ allowed: true });
	});

	it('names each review item missing to reach objective', () => {
		expect(checkMove({}, 'review', 'objective')).toEqual({
			allowed: false,
			missing: [
				{ code: 'strengths', section: 'review' },
				{ code: 'difficulties', section: 'review' }
			]
		});
		expect(codes({ review: { strengths: ['  '], difficulties: ['Cash'] } }, 'objective')).toEqual(['strengths']);
	});

	it('names each objective item missing to reach scope', () => {
		expect(missingToEnter({ objective: { direction: 'increase', metric: ' ' } }, 'scope')).toEqual([
			{ code: 'metric', section: 'objective' },
			{ code: 'baseline', section: 'objective' },
			{ code: 'target', section: 'objective' },
			{ code: 'deadline', section: 'objective' }
		]);
		const objective = { direction: 'increase' as const, metric: 'NPS', baseline: 10, target: Number.NaN };
		expect(codes({ objective: { ...objective, deadline: '2026-02-30' } }, 'scope')).toEqual(['target', 'deadline']);
	});

	it('requires the target beyond the baseline in the chosen direction', () => {
		const card = completeCard();
		card.objective = { ...card.objective, direction: 'decrease', baseline: 5, target: 5 };
		expect(missingToEnter(card, 'scope')).toEqual([
			{ code: 'target-direction', section: 'objective', direction: 'decrease' }
		]);
		card.objective.target = 3;
		expect(missingToEnter(card, 'scope')).toEqual([]);
	});

	it('names each scope item missing to reach rollout, with the board maximum of segments', () => {
		expect(codes({ scope: { segments: [] } }, 'rollout')).toEqual(['owner', 'team', 'segments']);
		const card = completeCard();
		card.scope = { ...card.scope, segments: ['a', 'b', 'c', 'd'] };
		expect(missingToEnter(card, 'rollout')).toEqual([{ code: 'segments-too-many', section: 'scope', max: 3 }]);
		expect(missingToEnter(card, 'rollout', { maxSegments: 4, tolerance: 0.1 })).toEqual([]);
	});

	it('names what the rollout lacks to reach outcome', () => {
		expect(missingToEnter({}, 'outcome')).toEqual([
			{ code: 'check-in', section: 'rollout' },
			{ code: 'phases', section: 'rollout' }
		]);
		const card = completeCard();
		const first = card.rollout?.phases?.[0];
		if (!first) throw new Error('fixture');
		card.rollout = { phases: [first, { ...first, name: 'Wave 2', decision: null }] };
		expect(missingToEnter(card, 'outcome')).toEqual([{ code: 'decision', section: 'rollout' }]);
		card.checkIns = [{ date: 'someday', value: 3, confidence: 'at-risk', note: '' }];
		expect(codes(card, 'outcome')).toEqual(['check-in', 'decision']);
	});

	it('collects the missing items of every gate crossed by a jump, in board order', () => {
		const check = checkMove({ review: { strengths: ['x'] } }, 'review', 'rollout');
		expect(check.allowed).toBe(false);
		if (check.allowed) return;
		expect(check.missing.map((m) => m.code)).toEqual([
			'difficulties',
			'metric',
			'baseline',
			'target',
			'deadline',
			'owner',
			'team',
			'segments'
		]);
	});

	it('always allows moving backwards or staying, whatever the card', () => {
		fc.assert(
			fc.property(stage, stage, (a, b) => {
				const [to, from] = STAGES.indexOf(a) <= STAGES.indexOf(b) ? [a, b] : [b, a];
				expect(checkMove({}, from, to)).toEqual({ allowed: true });
			})
		);
	});

	it('allows a jump exactly when every single step on the way is allowed', () => {
		fc.assert(
			fc.property(stage, stage, fc.subarray(SECTIONS), (a, b, cleared) => {
				const card: MethodCard = completeCard();
				for (const section of cleared) delete card[section];
				const [from, to] = STAGES.indexOf(a) <= STAGES.indexOf(b) ? [a, b] : [b, a];
				const steps = STAGES.slice(STAGES.indexOf(from) + 1, STAGES.indexOf(to) + 1);
				const stepsAllowed = steps.every((s) => missingToEnter(card, s).length === 0);
				expect(checkMove(card, from, to).allowed).toBe(stepsAllowed);
			})
		);
	});
});

describe('isOverrideValid', () => {
	it('needs a written reason of at least 10 characters, spaces around not counted', () => {
		expect(isOverrideValid('Client asked to go ahead')).toBe(true);
		expect(isOverrideValid('0123456789')).toBe(true);
		expect(isOverrideValid('  012345678  ')).toBe(false);
		expect(isOverrideValid('          ')).toBe(false);
		expect(isOverrideValid('')).toBe(false);
		expect(isOverrideValid(undefined)).toBe(false);
		expect(isOverrideValid(42)).toBe(false);
	});

	it('counts characters, not UTF-16 units', () => {
		expect(isOverrideValid('🚀🚀🚀🚀🚀')).toBe(false); // 10 units, 5 characters
		expect(isOverrideValid('Décision ok')).toBe(true);
	});
});
