import { describe, expect, it } from 'vitest';
import cardsFile from '#lib/content/demo/cards.json' with { type: 'json' };
import organisationFile from '#lib/content/demo/organisation.json' with { type: 'json' };
import { DEMO, parseDemo } from './demo-data.ts';

const ORGANISATION = 'src/lib/content/demo/organisation.json';
const CARDS = 'src/lib/content/demo/cards.json';
const organisation = () => structuredClone(organisationFile);
const cards = () => structuredClone(cardsFile) as Record<string, unknown>[];

describe('the demo data files', () => {
	it('hold the demo the README names: Maison Lefèvre, its five people and its two boards', () => {
		expect(DEMO.organisation.organisation).toBe('Maison Lefèvre');
		expect(DEMO.organisation.people.map((p) => [p.email, p.role])).toEqual([
			['claire@demo.bouture.fr', 'owner'],
			['karim@demo.bouture.fr', 'manager'],
			['sophie@demo.bouture.fr', 'member'],
			['lucas@demo.bouture.fr', 'member'],
			['nadia@demo.bouture.fr', 'guest']
		]);
		expect(DEMO.organisation.people[4]?.company).toBe('Épicerie Dupont');
		expect(DEMO.organisation.boards).toEqual({ main: 'Micro-initiatives 2026', others: ['Atelier de Lyon'] });
		expect(new Set(DEMO.cards.map((c) => c.stage))).toEqual(
			new Set(['ideas', 'review', 'objective', 'scope', 'rollout', 'outcome'])
		);
		expect(DEMO.cards.filter((c) => c.sharedWith?.includes('Épicerie Dupont'))).toHaveLength(1);
	});

	it('join long texts written as lines', () => {
		const sms = DEMO.cards.find((c) => c.title === 'Prise de commande par SMS');
		expect(sms?.outcome?.learnings.split('\n')).toHaveLength(3);
	});

	it('refuse a card that names someone, a team or an objective the organisation does not have', () => {
		const data = cards();
		data[3] = { ...data[3], createdBy: 'Claire Lefevre', globalObjective: 'growth' };
		data[7] = { ...data[7], team: 'Ventes' };
		const refusal = () => parseDemo(organisation(), data);
		expect(refusal).toThrow(`${CARDS}: 3.createdBy: Invalid type: Expected ("Claire Lefèvre" |`);
		expect(refusal).toThrow(`${CARDS}: 3.globalObjective: Invalid type: Expected ("environment" |`);
		expect(refusal).toThrow(`${CARDS}: 7.team: Invalid type:`);
	});

	it('refuse a misspelt field or a wrong value, naming the file and the field', () => {
		const data = cards();
		data[0] = { ...data[0], titel: 'x' };
		data[1] = { ...data[1], stage: 'done' };
		const refusal = () => parseDemo(organisation(), data);
		expect(refusal).toThrow(`${CARDS}: 0.titel: Invalid key`);
		expect(refusal).toThrow(`${CARDS}: 1.stage: Invalid type: Expected ("ideas" |`);
	});

	it('refuse an organisation whose people, author or stand-up refer to unknown names', () => {
		const org = organisation();
		org.people[2]!.teams = ['Logistique'];
		org.standup.facilitator = 'Karim';
		const refusal = () => parseDemo(org, cards());
		expect(refusal).toThrow(`${ORGANISATION}: people.2.teams.0: Invalid type:`);
		expect(refusal).toThrow(`${ORGANISATION}: standup.facilitator: Invalid type:`);
	});

	it('refuse an organisation file with a missing or malformed field', () => {
		const { password: _password, ...org } = organisation();
		expect(() => parseDemo(org, cards())).toThrow(`${ORGANISATION}: password: Invalid key`);
		const badEmail = organisation();
		badEmail.people[0]!.email = 'claire';
		expect(() => parseDemo(badEmail, cards())).toThrow(`${ORGANISATION}: people.0.email: Invalid email`);
	});
});
