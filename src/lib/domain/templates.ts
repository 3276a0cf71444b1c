import { fromDay, toDay } from './method/dates.ts';
import { ACTORS, type Actor, type Cadence, type Direction, type IsoDate } from './method/types.ts';

/**
 * Ready-made micro-initiatives a new card can start from: the card's title and description, review
 * prompts, a metric and a suggested rollout, in French and English. Everything is a starting point
 * to adapt; nothing here is a rule of the method. The templates themselves are data files
 * (src/lib/content/templates/), loaded and checked by src/lib/content/templates.ts.
 */

export type TemplateLocale = 'fr' | 'en';

export interface Localized {
	fr: string;
	en: string;
}

export interface InitiativeTemplate {
	/** Kebab-case slug, stable: it may be stored or linked to. */
	id: string;
	/** Becomes the card title (at most LIMITS.title). */
	title: Localized;
	/** One line shown in the template picker. */
	summary: Localized;
	/** The card description: context and how to run it, as plain text. */
	description: Localized;
	/** Typical strengths, phrased as questions to adapt. */
	strengths: Localized[];
	/** Typical difficulties, phrased as questions to adapt. */
	difficulties: Localized[];
	/** Review prompts: questions to answer about each actor. */
	microEnvironment: Partial<Record<Actor, Localized>>;
	metric: { name: Localized; unit: Localized; direction: Direction };
	/** Suggested rollout, a pilot then its extensions, run back to back. */
	phases: { name: Localized; weeks: number; cadence: Cadence }[];
}

/** What a template pre-fills on a new card, in one language; phases are dated back to back, the first starting `start`. */
export interface TemplateCard {
	title: string;
	description: string;
	strengths: string[];
	difficulties: string[];
	microEnvironment: Partial<Record<Actor, string>>;
	objective: { metric: string; unit: string; direction: Direction };
	phases: { name: string; segments: string[]; start: IsoDate; end: IsoDate; cadence: Cadence; decision: null }[];
}

/** The card a template pre-fills, in `locale`; throws a RangeError when `start` is not a real date. */
export function templateCard(template: InitiativeTemplate, locale: TemplateLocale, start: IsoDate): TemplateCard {
	const first = toDay(start);
	if (first === null) throw new RangeError(`Not a date: ${start}`);
	const microEnvironment: Partial<Record<Actor, string>> = {};
	for (const actor of ACTORS) {
		const prompt = template.microEnvironment[actor];
		if (prompt) microEnvironment[actor] = prompt[locale];
	}
	let day = first;
	const phases = template.phases.map(({ name, weeks, cadence }) => {
		const phaseStart = day;
		day += 7 * weeks;
		return {
			name: name[locale],
			segments: [],
			start: fromDay(phaseStart),
			end: fromDay(day - 1),
			cadence,
			decision: null
		};
	});
	return {
		title: template.title[locale],
		description: template.description[locale],
		strengths: template.strengths.map((item) => item[locale]),
		difficulties: template.difficulties.map((item) => item[locale]),
		microEnvironment,
		objective: {
			metric: template.metric.name[locale],
			unit: template.metric.unit[locale],
			direction: template.metric.direction
		},
		phases
	};
}
