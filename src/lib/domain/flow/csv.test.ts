import { describe, expect, it } from 'vitest';
import { toCsv } from './csv.ts';

describe('toCsv', () => {
	it('starts with a BOM, quotes what needs it and ends lines with CRLF', () => {
		expect(
			toCsv(
				['Étape', 'Jours'],
				[
					['Idées, signaux', 2.5],
					['Dit "oui"', null]
				]
			)
		).toBe('\uFEFFÉtape,Jours\r\n"Idées, signaux",2.5\r\n"Dit ""oui""",\r\n');
	});

	it('defuses cells a spreadsheet would run as formulas, not numbers', () => {
		expect(toCsv(['t'], [['=HYPERLINK("x")'], ['-3 jours'], [-3]])).toBe(
			'\uFEFFt\r\n"\'=HYPERLINK(""x"")"\r\n\'-3 jours\r\n-3\r\n'
		);
	});
});
