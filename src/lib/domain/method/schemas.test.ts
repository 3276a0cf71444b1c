import * as v from 'valibot';
import { describe, expect, expectTypeOf, it } from 'vitest';
import * as s from './schemas.ts';
import type * as t from './types.ts';

const ok = (schema: v.GenericSchema, input: unknown) => v.safeParse(schema, input).success;
const phase = { name: 'Pilot', segments: ['Bakeries'], start: '2026-01-05', end: '2026-03-29', cadence: 'weekly' };

describe('method schemas', () => {
	it('parse into the domain types', () => {
		expectTypeOf<v.InferOutput<typeof s.ReviewInput>>().toExtend<t.Review>();
		expectTypeOf<v.InferOutput<typeof s.ObjectiveInput>>().toExtend<t.Objective>();
		expectTypeOf<v.InferOutput<typeof s.ScopeInput>>().toExtend<t.Scope>();
		expectTypeOf<v.InferOutput<typeof s.RolloutInput>>().toExtend<t.Rollout>();
		expectTypeOf<v.InferOutput<typeof s.CheckInInput>>().toExtend<t.CheckIn>();
		expectTypeOf<v.InferOutput<typeof s.OutcomeInput>>().toExtend<t.Outcome>();
		expectTypeOf<v.InferOutput<typeof s.MethodSettingsInput>>().toExtend<t.MethodSettings>();
	});

	it('trim review lists and refuse blank items or unknown ratings', () => {
		expect(v.parse(s.ReviewInput, { strengths: [' Loyal clients '] })).toEqual({
			strengths: ['Loyal clients'],
			difficulties: [],
			microEnvironment: {}
		});
		expect(ok(s.ReviewInput, { strengths: ['  '] })).toBe(false);
		expect(ok(s.ReviewInput, { fiveForces: { rivalry: { rating: 4, note: 'Many shops' } } })).toBe(true);
		expect(ok(s.ReviewInput, { fiveForces: { rivalry: { rating: 6, note: '' } } })).toBe(false);
		expect(ok(s.ReviewInput, { strengths: Array(21).fill('x') })).toBe(false);
	});

	it('default the direction and refuse numbers that are not finite or dates that do not exist', () => {
		expect(v.parse(s.ObjectiveInput, { metric: 'NPS' })).toEqual({ metric: 'NPS', direction: 'increase' });
		expect(ok(s.ObjectiveInput, { baseline: Number.NaN })).toBe(false);
		expect(ok(s.ObjectiveInput, { target: Infinity })).toBe(false);
		expect(ok(s.ObjectiveInput, { target: 1e13 })).toBe(false);
		expect(ok(s.ObjectiveInput, { deadline: '2026-02-30' })).toBe(false);
		expect(ok(s.ObjectiveInput, { direction: 'sideways' })).toBe(false);
		expect(ok(s.ObjectiveInput, { globalObjectiveId: 'x' })).toBe(false);
	});

	it('limit segments to the board maximum, distinct regardless of case', () => {
		expect(ok(s.ScopeInput, { segments: ['a', 'b', 'c'] })).toBe(true);
		expect(ok(s.ScopeInput, { segments: ['a', 'b', 'c', 'd'] })).toBe(false);
		expect(ok(s.scopeInput({ maxSegments: 4 }), { segments: ['a', 'b', 'c', 'd'] })).toBe(true);
		expect(ok(s.ScopeInput, { segments: ['Shops', 'shops'] })).toBe(false);
		expect(ok(s.ScopeInput, { resources: [{ amount: -1, unit: 'days', who: '', forWhat: '' }] })).toBe(false);
		expect(ok(s.ScopeInput, { resources: [{ amount: 2, unit: 'visits', who: 'Ana', forWhat: '' }] })).toBe(true);
	});

	it('want phases that end after they start, in start order', () => {
		expect(v.parse(s.PhaseInput, phase).decision).toBeNull();
		expect(ok(s.PhaseInput, { ...phase, end: '2026-01-04' })).toBe(false);
		expect(ok(s.PhaseInput, { ...phase, cadence: 'daily' })).toBe(false);
		const later = { ...phase, start: '2026-02-01', decision: { verdict: 'go', date: '2026-03-29', reason: '' } };
		expect(ok(s.RolloutInput, { phases: [phase, later] })).toBe(true);
		expect(ok(s.RolloutInput, { phases: [later, phase] })).toBe(false);
	});

	it('check check-ins, outcomes, override reasons and board settings', () => {
		expect(v.parse(s.CheckInInput, { date: '2026-01-12', value: 3, confidence: 'at-risk' }).note).toBe('');
		expect(ok(s.CheckInInput, { date: '2026-01-12', value: 3, confidence: 'fine' })).toBe(false);
		expect(ok(s.CheckInsInput, Array(501).fill({ date: '2026-01-12', value: 3, confidence: 'on-track' }))).toBe(false);
		expect(v.parse(s.OutcomeInput, { verdict: 'adjusted', date: '2026-06-01' })).toEqual({
			verdict: 'adjusted',
			date: '2026-06-01',
			result: null,
			learnings: ''
		});
		expect(v.parse(s.OverrideReasonInput, '  Client asked us to  ')).toBe('Client asked us to');
		expect(ok(s.OverrideReasonInput, 'Too short')).toBe(false);
		expect(v.parse(s.MethodSettingsInput, {})).toEqual({ maxSegments: 3, tolerance: 0.1 });
		expect(ok(s.MethodSettingsInput, { maxSegments: 2.5 })).toBe(false);
		expect(ok(s.TimeZoneInput, 'Pacific/Auckland')).toBe(true);
		expect(ok(s.TimeZoneInput, 'Nowhere')).toBe(false);
	});
});
