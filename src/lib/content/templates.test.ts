import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { toDay } from '#lib/domain/method/dates.ts';
import { METHOD_LIMITS, ObjectiveInput, PhaseInput, ReviewInput, RolloutInput } from '#lib/domain/method/schemas.ts';
import { ACTORS, CADENCES, DIRECTIONS } from '#lib/domain/method/types.ts';
import { type Localized, type TemplateLocale, templateCard } from '#lib/domain/templates.ts';
import { CardTitle } from '#lib/domain/validation.ts';
import energySavings from './templates/energy-savings.json' with { type: 'json' };
import { findTemplate, parseTemplate, TEMPLATES } from './templates.ts';

const LOCALES: TemplateLocale[] = ['fr', 'en'];
const START = '2026-03-02';

/** Every localized text of a template, with a label saying where it comes from. */
function texts(template: (typeof TEMPLATES)[number]): [string, Localized][] {
	return [
		['title', template.title],
		['summary', template.summary],
		['description', template.description],
		...template.strengths.map((s, i): [string, Localized] => [`strengths[${i}]`, s]),
		...template.difficulties.map((d, i): [string, Localized] => [`difficulties[${i}]`, d]),
		...Object.entries(template.microEnvironment).map(([actor, p]): [string, Localized] => [actor, p]),
		['metric.name', template.metric.name],
		['metric.unit', template.metric.unit],
		...template.phases.map((p, i): [string, Localized] => [`phases[${i}]`, p.name])
	];
}

describe('initiative templates', () => {
	it('offer at least eight templates with unique kebab-case ids', () => {
		expect(TEMPLATES.length).toBeGreaterThanOrEqual(8);
		const ids = TEMPLATES.map((t) => t.id);
		expect(new Set(ids).size).toBe(ids.length);
		for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
	});

	it('cover the required subjects', () => {
		for (const id of [
			'local-sourcing',
			'energy-savings',
			'customer-feedback-loop',
			'supplier-risk-audit',
			'competitor-seo-audit',
			'marketplace-export-test',
			'repair-service-pilot',
			'ephemeral-range'
		])
			expect(findTemplate(id)?.id).toBe(id);
	});

	it('fill in every text in both languages, trimmed', () => {
		for (const template of TEMPLATES)
			for (const [where, text] of texts(template))
				for (const locale of LOCALES) {
					const value = text[locale];
					expect(typeof value, `${template.id} ${where} ${locale}`).toBe('string');
					expect(value.trim(), `${template.id} ${where} ${locale}`).not.toBe('');
					expect(value, `${template.id} ${where} ${locale}`).toBe(value.trim());
				}
	});

	it('use typographic apostrophes in French', () => {
		for (const template of TEMPLATES)
			for (const [where, text] of texts(template)) expect(text.fr, `${template.id} ${where}`).not.toContain("'");
	});

	it('keep the shape the method expects', () => {
		for (const template of TEMPLATES) {
			expect(template.strengths.length, template.id).toBeGreaterThanOrEqual(1);
			expect(template.strengths.length, template.id).toBeLessThanOrEqual(3);
			expect(template.difficulties.length, template.id).toBeGreaterThanOrEqual(1);
			expect(template.difficulties.length, template.id).toBeLessThanOrEqual(3);
			expect(template.phases.length, template.id).toBeGreaterThanOrEqual(1);
			expect(template.phases.length, template.id).toBeLessThanOrEqual(3);
			expect(Object.keys(template.microEnvironment).length, template.id).toBeGreaterThanOrEqual(1);
			for (const actor of Object.keys(template.microEnvironment)) expect(ACTORS).toContain(actor);
			expect(DIRECTIONS).toContain(template.metric.direction);
			for (const phase of template.phases) {
				expect(Number.isInteger(phase.weeks) && phase.weeks > 0, `${template.id} weeks`).toBe(true);
				expect(CADENCES).toContain(phase.cadence);
			}
		}
	});

	it('pre-fill cards that pass the card and method schemas in both languages', () => {
		for (const template of TEMPLATES)
			for (const locale of LOCALES) {
				const card = templateCard(template, locale, START);
				const where = `${template.id} ${locale}`;
				expect(v.safeParse(CardTitle, card.title).success, where).toBe(true);
				expect(v.parse(CardTitle, card.title), where).toBe(card.title);
				const review = { strengths: card.strengths, difficulties: card.difficulties };
				expect(v.parse(ReviewInput, { ...review, microEnvironment: card.microEnvironment }), where).toEqual({
					...review,
					microEnvironment: card.microEnvironment
				});
				expect(card.strengths.length).toBeLessThanOrEqual(METHOD_LIMITS.listItems);
				expect(card.difficulties.length).toBeLessThanOrEqual(METHOD_LIMITS.listItems);
				expect(v.parse(ObjectiveInput, card.objective), where).toEqual(card.objective);
				for (const phase of card.phases) expect(v.parse(PhaseInput, phase), where).toEqual(phase);
				expect(v.safeParse(RolloutInput, { phases: card.phases }).success, where).toBe(true);
			}
	});

	it('date the phases back to back from the start', () => {
		const energy = findTemplate('energy-savings');
		if (!energy) throw new Error('missing template');
		expect(energy.phases.map((p) => p.weeks)).toEqual([4, 8]);
		expect(templateCard(energy, 'fr', START).phases).toEqual([
			{
				name: 'Mesures sans investissement',
				segments: [],
				start: '2026-03-02',
				end: '2026-03-29',
				cadence: 'weekly',
				decision: null
			},
			{
				name: 'Investissements ciblés',
				segments: [],
				start: '2026-03-30',
				end: '2026-05-24',
				cadence: 'biweekly',
				decision: null
			}
		]);
		for (const template of TEMPLATES) {
			const phases = templateCard(template, 'en', '2026-12-28').phases;
			expect(phases[0]?.start).toBe('2026-12-28');
			phases.forEach((phase, i) => {
				const days = (toDay(phase.end) ?? Number.NaN) - (toDay(phase.start) ?? Number.NaN) + 1;
				expect(days, template.id).toBe(7 * (template.phases[i]?.weeks ?? 0));
				const next = phases[i + 1];
				if (next) expect((toDay(next.start) ?? Number.NaN) - (toDay(phase.end) ?? Number.NaN), template.id).toBe(1);
			});
		}
	});

	it('switch every text to the chosen language', () => {
		for (const template of TEMPLATES)
			for (const locale of LOCALES) {
				const card = templateCard(template, locale, START);
				expect(card.title).toBe(template.title[locale]);
				expect(card.description).toBe(template.description[locale]);
				expect(card.strengths).toEqual(template.strengths.map((s) => s[locale]));
				expect(card.difficulties).toEqual(template.difficulties.map((d) => d[locale]));
				expect(card.microEnvironment).toEqual(
					Object.fromEntries(Object.entries(template.microEnvironment).map(([actor, p]) => [actor, p[locale]]))
				);
				expect(card.objective).toEqual({
					metric: template.metric.name[locale],
					unit: template.metric.unit[locale],
					direction: template.metric.direction
				});
				expect(card.phases.map((p) => p.name)).toEqual(template.phases.map((p) => p.name[locale]));
			}
		const repair = findTemplate('repair-service-pilot');
		if (!repair) throw new Error('missing template');
		expect(templateCard(repair, 'fr', START).title).toBe('Lancer un service de réparation ou d’après-vente');
		expect(templateCard(repair, 'en', START).title).toBe('Launch a repair or after-sales service');
		expect(templateCard(repair, 'en', START).objective.unit).toBe('repairs/month');
	});

	it('give each card its own lists', () => {
		const template = TEMPLATES[0];
		if (!template) throw new Error('no template');
		const card = templateCard(template, 'fr', START);
		card.strengths.push('x');
		card.phases[0]?.segments.push('Boulangeries');
		expect(templateCard(template, 'fr', START).strengths).toHaveLength(template.strengths.length);
		expect(templateCard(template, 'fr', START).phases[0]?.segments).toEqual([]);
	});

	it('find a template by id, or nothing', () => {
		expect(findTemplate('supplier-risk-audit')?.metric.unit.fr).toBe('/25');
		expect(findTemplate('unknown')).toBeNull();
		expect(findTemplate('')).toBeNull();
	});

	it('refuse a start that is not a real date', () => {
		const template = TEMPLATES[0];
		if (!template) throw new Error('no template');
		expect(() => templateCard(template, 'fr', '2026-02-30')).toThrow(RangeError);
		expect(() => templateCard(template, 'en', '')).toThrow(RangeError);
	});
});

describe('the template loader', () => {
	const energy = () => structuredClone(energySavings) as Record<string, unknown> & typeof energySavings;
	const file = 'src/lib/content/templates/energy-savings.json';

	it('reads a template file as it is written, its lines joined into one description', () => {
		const template = parseTemplate(energy(), 'energy-savings');
		expect(template).toEqual(findTemplate('energy-savings'));
		expect(template.description.en.split('\n')).toEqual(energySavings.description.en);
	});

	it('refuses a malformed file, naming the file and each wrong field', () => {
		const data = energy();
		data.phases[1]!.weeks = 2.5;
		data.metric.direction = 'up';
		delete (data.title as Partial<Localized>).en;
		const refusal = () => parseTemplate(data, 'energy-savings');
		expect(refusal).toThrow(`${file}: phases.1.weeks: Invalid integer`);
		expect(refusal).toThrow(
			`${file}: metric.direction: Invalid type: Expected ("increase" | "decrease") but received "up"`
		);
		expect(refusal).toThrow(`${file}: title.en: Invalid key`);
	});

	it('refuses unknown fields and actors, so a misspelt key does not vanish silently', () => {
		expect(() => parseTemplate({ ...energy(), metrics: {} }, 'energy-savings')).toThrow(
			`${file}: metrics: Invalid key`
		);
		const data = energy();
		(data.microEnvironment as Record<string, unknown>).customers = { fr: 'Qui ?', en: 'Who?' };
		expect(() => parseTemplate(data, 'energy-savings')).toThrow(`${file}: microEnvironment.customers:`);
	});

	it('refuses a file whose id is not its name', () => {
		expect(() => parseTemplate(energy(), 'energy')).toThrow(
			'src/lib/content/templates/energy.json: id: must be the file name, "energy"'
		);
	});
});
