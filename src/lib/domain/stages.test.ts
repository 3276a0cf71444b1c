import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { STAGES, isStage, neighbourStage, stageIndex } from './stages.ts';

describe('STAGES', () => {
	it('lists the method stages in board order, left to right', () => {
		expect(STAGES).toEqual(['ideas', 'review', 'objective', 'scope', 'rollout', 'outcome']);
		STAGES.forEach((stage, i) => expect(stageIndex(stage)).toBe(i));
	});
});

describe('isStage', () => {
	it('accepts every stage', () => {
		for (const stage of STAGES) expect(isStage(stage)).toBe(true);
	});

	it('rejects near misses and non-strings', () => {
		for (const value of [
			'Ideas',
			' ideas',
			'ideas ',
			'idea',
			'',
			'archived',
			'toString',
			null,
			undefined,
			0,
			{},
			['ideas']
		]) {
			expect(isStage(value)).toBe(false);
		}
	});

	it('accepts exactly the listed stages among arbitrary strings', () => {
		fc.assert(
			fc.property(fc.string(), (value) => {
				expect(isStage(value)).toBe((STAGES as readonly string[]).includes(value));
			})
		);
	});
});

describe('neighbourStage', () => {
	it('steps left and right inside the board', () => {
		expect(neighbourStage('ideas', 1)).toBe('review');
		expect(neighbourStage('scope', -1)).toBe('objective');
		expect(neighbourStage('review', 3)).toBe('rollout');
		expect(neighbourStage('rollout', 0)).toBe('rollout');
	});

	it('returns null past either end', () => {
		expect(neighbourStage('ideas', -1)).toBeNull();
		expect(neighbourStage('outcome', 1)).toBeNull();
		expect(neighbourStage('review', -2)).toBeNull();
		expect(neighbourStage('rollout', 2)).toBeNull();
	});
});
