import { describe, expect, it } from 'vitest';
import { fieldAria } from './form-aria.ts';

describe('fieldAria', () => {
	it('points a valid control at its hint only', () => {
		expect(fieldAria('f-error', false, 'f-hint')).toEqual({ 'aria-invalid': undefined, 'aria-describedby': 'f-hint' });
		expect(fieldAria('f-error', false)).toEqual({ 'aria-invalid': undefined, 'aria-describedby': undefined });
	});

	it('marks an invalid control and points it at the error after its hint', () => {
		expect(fieldAria('f-error', true, 'f-hint')).toEqual({
			'aria-invalid': 'true',
			'aria-describedby': 'f-hint f-error'
		});
		expect(fieldAria('f-error', true)).toEqual({ 'aria-invalid': 'true', 'aria-describedby': 'f-error' });
	});
});
