import * as v from 'valibot';
import cardsFile from '#lib/content/demo/cards.json' with { type: 'json' };
import organisationFile from '#lib/content/demo/organisation.json' with { type: 'json' };
import { Lines, parseContent } from '#lib/content/parse.ts';
import {
	ACTORS,
	CADENCES,
	CONFIDENCES,
	DIRECTIONS,
	FORCES,
	OUTCOME_VERDICTS,
	VERDICTS
} from '#lib/domain/method/types.ts';
import { ORG_ROLES } from '#lib/domain/permissions.ts';
import { STAGES } from '#lib/domain/stages.ts';

/**
 * The demo organisation and its board, read from src/lib/content/demo/ and checked at start: the
 * organisation file (people, teams, objectives, boards, last week's stand-up) names everything the
 * cards file refers to, so a misspelt person, team or objective fails with its file and field.
 * Every card date is a day offset from the seeding day (0 = today, −7 = a week ago), so the demo
 * always looks current; each card meets the gates of every stage up to its own (domain/method/gates.ts).
 */

const ORGANISATION_FILE = 'src/lib/content/demo/organisation.json';
const CARDS_FILE = 'src/lib/content/demo/cards.json';

const Text = v.pipe(v.string(), v.nonEmpty());
const Team = v.strictObject({ name: Text, color: v.pipe(v.string(), v.hexColor()) });

const OrganisationFile = v.strictObject({
	organisation: Text,
	password: v.pipe(v.string(), v.minLength(8)),
	teams: v.array(Team),
	people: v.pipe(
		v.array(
			v.strictObject({
				name: Text,
				email: v.pipe(v.string(), v.email()),
				role: v.picklist(ORG_ROLES),
				/** A guest's company: its guests see the cards shared with it. */
				company: v.optional(Text),
				teams: v.array(Text)
			})
		),
		v.minLength(1)
	),
	objectives: v.array(v.strictObject({ key: Text, title: Text })),
	boards: v.strictObject({ main: Text, others: v.array(Text) }),
	/** Who writes the main board's content. */
	author: Text,
	standup: v.strictObject({ facilitator: Text, attendees: v.array(Text), decision: Text })
});

type Organisation = v.InferOutput<typeof OrganisationFile>;

/** The names an organisation file declares, as schemas: a card may only refer to those. */
function references(org: Organisation) {
	const person = v.picklist(org.people.map((p) => p.name));
	const team = v.picklist(org.teams.map((t) => t.name));
	const companies = org.people.flatMap((p) => (p.company ? [p.company] : []));
	return {
		person,
		team,
		objective: v.picklist(org.objectives.map((o) => o.key)),
		company: v.picklist([...companies, '*'])
	};
}

/** The organisation's own cross-references: people's teams, the author and the stand-up's people. */
function checkOrganisation(org: Organisation): Organisation {
	const { person, team } = references(org);
	const Checked = v.object({
		people: v.array(v.object({ teams: v.array(team) })),
		author: person,
		standup: v.object({ facilitator: person, attendees: v.array(person) })
	});
	parseContent(Checked, org, ORGANISATION_FILE);
	return org;
}

function cardSchema(org: Organisation) {
	const ref = references(org);
	const day = v.pipe(v.number(), v.integer());
	const list = v.optional(v.array(Text));
	return v.strictObject({
		/** What the card shows in the demo; not seeded. */
		note: v.optional(Text),
		stage: v.picklist(STAGES),
		/** Companies whose guests see the card in their portal ('*': every guest). */
		sharedWith: v.optional(v.array(ref.company)),
		title: Text,
		description: Text,
		createdBy: ref.person,
		globalObjective: v.optional(ref.objective),
		strengths: list,
		difficulties: list,
		micro: v.optional(v.record(v.picklist(ACTORS), Text)),
		forces: v.optional(
			v.record(v.picklist(FORCES), v.strictObject({ rating: v.picklist([1, 2, 3, 4, 5]), note: v.string() }))
		),
		objective: v.optional(
			v.strictObject({
				metric: Text,
				unit: v.string(),
				direction: v.picklist(DIRECTIONS),
				baseline: v.number(),
				target: v.optional(v.number()),
				deadline: v.optional(day),
				why: Text
			})
		),
		owner: v.optional(ref.person),
		team: v.optional(ref.team),
		contributing: v.optional(v.array(ref.team)),
		segments: list,
		resources: v.optional(v.array(v.strictObject({ amount: v.number(), unit: Text, who: Text, forWhat: Text }))),
		phases: v.optional(
			v.array(
				v.strictObject({
					name: Text,
					segments: v.array(Text),
					start: day,
					end: day,
					cadence: v.picklist(CADENCES),
					decision: v.optional(v.strictObject({ verdict: v.picklist(VERDICTS), day, reason: Text }))
				})
			)
		),
		checkIns: v.optional(
			v.array(
				v.strictObject({
					day,
					value: v.number(),
					confidence: v.picklist(CONFIDENCES),
					note: Text,
					by: ref.person,
					/** Shown to the guests the card is shared with. */
					shared: v.optional(v.boolean())
				})
			)
		),
		outcome: v.optional(
			v.strictObject({
				verdict: v.picklist(OUTCOME_VERDICTS),
				day,
				result: v.number(),
				learnings: Lines
			})
		)
	});
}

export type DemoCard = v.InferOutput<ReturnType<typeof cardSchema>>;
export type DemoOrganisation = Organisation;

/** The demo's two files' data, checked: the cards against the organisation they refer to. */
export function parseDemo(organisation: unknown, cards: unknown): { organisation: Organisation; cards: DemoCard[] } {
	const org = checkOrganisation(parseContent(OrganisationFile, organisation, ORGANISATION_FILE));
	return { organisation: org, cards: parseContent(v.array(cardSchema(org)), cards, CARDS_FILE) };
}

export const DEMO = parseDemo(organisationFile, cardsFile);
