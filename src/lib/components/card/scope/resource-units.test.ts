import { beforeAll, describe, expect, it } from 'vitest';
import { overwriteGetLocale } from '#lib/paraglide/runtime.js';
import { canonicalUnit, formatAmount, unitChoices, unitLabel } from './resource-units.ts';

beforeAll(() => overwriteGetLocale(() => 'fr'));

describe('resource units', () => {
	it('stores the usual units under their canonical name, typed in either language', () => {
		expect(canonicalUnit('h/semaine')).toBe('hours/week');
		expect(canonicalUnit(' H/Week ')).toBe('hours/week');
		expect(canonicalUnit('jours')).toBe('days');
		expect(canonicalUnit('days')).toBe('days');
		expect(canonicalUnit('€')).toBe('€');
		expect(canonicalUnit('  licences ')).toBe('licences');
		expect(canonicalUnit('   ')).toBe('');
	});

	it('shows the usual units in the reader’s language and others as typed', () => {
		expect(unitChoices()).toEqual(['h/semaine', 'jours', '€']);
		expect(unitLabel('hours/week')).toBe('h/semaine');
		expect(unitLabel('Days')).toBe('jours');
		expect(unitLabel('licences')).toBe('licences');
	});

	it('writes amounts the local way, singular or plural', () => {
		const nbsp = /[\s\u00a0\u202f]/g;
		expect(formatAmount(4, 'hours/week', 'fr').replace(nbsp, ' ')).toBe('4 h/semaine');
		expect(formatAmount(1, 'days', 'fr').replace(nbsp, ' ')).toBe('1 jour');
		expect(formatAmount(2.5, 'days', 'fr').replace(nbsp, ' ')).toBe('2,5 jours');
		expect(formatAmount(1500, '€', 'fr').replace(nbsp, ' ')).toBe('1 500 €');
		expect(formatAmount(1500, '€', 'en')).toBe('€1,500');
		expect(formatAmount(3, ' licences ', 'fr').replace(nbsp, ' ')).toBe('3 licences');
	});
});
