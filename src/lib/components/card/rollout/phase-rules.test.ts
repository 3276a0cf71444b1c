import { describe, expect, it } from 'vitest';
import { phaseProblem, phaseSegments, splitSegments, type PhaseDraft } from './phase-rules.ts';

const pilot = { id: 'pilot', name: 'Pilote', start: '2025-03-01' };
const extension = { id: 'ext', name: 'Extension', start: '2025-04-01' };
const phases = [pilot, extension];
const draft = (change: Partial<PhaseDraft> = {}): PhaseDraft => ({
	name: 'Généralisation',
	segments: ['Boulangerie'],
	start: '2025-05-01',
	end: '2025-06-30',
	...change
});

describe('phaseProblem', () => {
	it('accepts a well-formed phase that comes last', () => {
		expect(phaseProblem(draft(), phases, null)).toBeNull();
		expect(phaseProblem(draft({ start: '2025-04-01', end: '2025-04-01' }), phases, null)).toBeNull();
		expect(phaseProblem(draft(), [], null)).toBeNull();
	});

	it('asks for a name and both dates', () => {
		expect(phaseProblem(draft({ name: '   ' }), phases, null)).toEqual({ code: 'name' });
		expect(phaseProblem(draft({ start: '' }), phases, null)).toEqual({ code: 'start' });
		expect(phaseProblem(draft({ end: '2025-02-30' }), phases, null)).toEqual({ code: 'end' });
	});

	it('refuses an end before the start', () => {
		expect(phaseProblem(draft({ start: '2025-05-02', end: '2025-05-01' }), phases, null)).toEqual({
			code: 'end-before-start'
		});
	});

	it('refuses too many or too long segments', () => {
		const many = Array.from({ length: 11 }, (_, i) => `S${i}`);
		expect(phaseProblem(draft({ segments: many }), phases, null)).toEqual({ code: 'too-many-segments', max: 10 });
		expect(phaseProblem(draft({ segments: ['x'.repeat(121)] }), phases, null)).toEqual({ code: 'segment-too-long' });
	});

	it('keeps a new phase after the last one', () => {
		expect(phaseProblem(draft({ start: '2025-03-15' }), phases, null)).toEqual({
			code: 'before-previous',
			other: extension
		});
	});

	it('keeps an edited phase between its neighbours', () => {
		expect(phaseProblem(draft({ start: '2025-04-02', end: '2025-05-01' }), phases, 'pilot')).toEqual({
			code: 'after-next',
			other: extension
		});
		expect(phaseProblem(draft({ start: '2025-02-01', end: '2025-05-01' }), phases, 'ext')).toEqual({
			code: 'before-previous',
			other: pilot
		});
		expect(phaseProblem(draft({ start: '2025-02-01', end: '2025-02-10' }), phases, 'pilot')).toBeNull();
		expect(phaseProblem(draft({ start: '2025-04-01', end: '2025-04-10' }), phases, 'pilot')).toBeNull();
	});

	it('has no neighbours to keep to for a phase removed meanwhile', () => {
		expect(phaseProblem(draft({ start: '2025-01-01' }), phases, 'gone')).toBeNull();
	});
});

describe('phaseSegments', () => {
	it('merges the ticked and typed segments without blanks or repeats', () => {
		expect(phaseSegments(['Boulangerie', 'Traiteur'], ' traiteur, Épicerie ;; Fromagerie\népicerie ')).toEqual([
			'Boulangerie',
			'Traiteur',
			'Épicerie',
			'Fromagerie'
		]);
		expect(phaseSegments([], '  ')).toEqual([]);
	});
});

describe('splitSegments', () => {
	it('ticks the scope segments (in the scope spelling) and types the others', () => {
		expect(splitSegments(['boulangerie', 'Épicerie', 'Marché'], ['Boulangerie', 'Traiteur'])).toEqual({
			ticked: ['Boulangerie'],
			typed: 'Épicerie, Marché'
		});
	});
});
