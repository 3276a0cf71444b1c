import { beforeAll, describe, expect, it } from 'vitest';
import { overwriteGetLocale } from '#lib/paraglide/runtime.js';
import { formatLongDate, formatValue, shortName, withCurrent } from './field-values.ts';

beforeAll(() => overwriteGetLocale(() => 'fr'));

const spaces = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('field values', () => {
	it('keeps a saved choice that is no longer offered, under its own label', () => {
		const choices = [{ value: 'a', label: 'A' }];
		expect(withCurrent(choices, 'a', '?')).toBe(choices);
		expect(withCurrent(choices, undefined, '?')).toBe(choices);
		expect(withCurrent(choices, null, '?')).toBe(choices);
		expect(withCurrent(choices, 'gone', '?')).toEqual([...choices, { value: 'gone', label: '?' }]);
	});

	it('shortens long texts for button names', () => {
		expect(shortName('  Fidèles  ')).toBe('Fidèles');
		expect(shortName('x'.repeat(80), 10)).toBe(`${'x'.repeat(9)}…`);
	});

	it('writes an objective’s values and dates the local way', () => {
		expect(spaces(formatValue(12.5, '%', 'fr'))).toBe('12,5 %');
		expect(formatValue(12, '%', 'en')).toBe('12%');
		expect(spaces(formatValue(30, ' clients ', 'fr'))).toBe('30 clients');
		expect(spaces(formatValue(1234, undefined, 'fr'))).toBe('1 234');
		expect(formatLongDate('2026-06-30', 'fr')).toBe('30 juin 2026');
		expect(formatLongDate('2026-06-30', 'en')).toBe('June 30, 2026');
		expect(formatLongDate('not a date', 'fr')).toBe('not a date');
	});
});
