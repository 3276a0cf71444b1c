import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { initiativesCsv, type InitiativeRow } from './initiatives-csv.ts';

const row: InitiativeRow = {
	title: 'Prix ; "bio", enfin',
	stage: 'rollout',
	owner: '=HYPERLINK("http://x")',
	team: 'Boutique\nVente',
	metric: '-moins de déchets',
	baseline: -2.5,
	target: 12.75,
	latest: null,
	status: 'at-risk',
	outcome: null
};

describe('initiativesCsv', () => {
	it('quotes what needs it, keeps negative numbers as numbers, and defuses formulas', () => {
		const text = initiativesCsv([row], 'fr');
		expect(text.startsWith('\uFEFF')).toBe(true);
		const { data, errors } = Papa.parse<string[]>(text.slice(1).trim(), { delimiter: ';' });
		expect(errors).toEqual([]);
		expect(data[1]).toEqual([
			'Prix ; "bio", enfin',
			'Déploiement',
			`'=HYPERLINK("http://x")`,
			'Boutique\nVente',
			`'-moins de déchets`,
			'-2,5',
			'12,75',
			'',
			'À surveiller',
			''
		]);
	});

	it('uses commas and decimal points in English, and names a concluded card', () => {
		const text = initiativesCsv([{ ...row, status: null, outcome: 'generalised' }], 'en');
		const { data } = Papa.parse<string[]>(text.slice(1).trim(), { delimiter: ',' });
		expect(data[1]?.slice(5)).toEqual(['-2.5', '12.75', '', 'Concluded', 'Generalised']);
	});
});
