import type * as Y from 'yjs';
import { generateNKeysBetween } from 'fractional-indexing-jittered';
import { getCard } from '#lib/board/schema.ts';
import { setSharing, toSharing } from '#lib/board/sharing.ts';
import { putEntry, setField } from '#lib/board/section-commands.ts';
import { learningsText, microText } from '#lib/board/section-store.ts';
import { fromDay } from '#lib/domain/method/dates.ts';
import { ACTORS, FORCES } from '#lib/domain/method/types.ts';
import { newId } from '../ids.ts';
import type { DemoCard } from './demo-data.ts';

const DAY_MS = 86_400_000;

/** What the demo's day offsets and names turn into on the seeding day. */
export interface DemoContext {
	/** The seeding instant, and its day number (dates.ts) in the board's time zone. */
	now: number;
	today: number;
	/** Ids by the names and keys the demo files use. */
	people: ReadonlyMap<string, string>;
	teams: ReadonlyMap<string, string>;
	objectives: ReadonlyMap<string, string>;
}

/** Fills in the method sections of a freshly created demo card, in one transaction. */
export function writeDemoSections(doc: Y.Doc, cardId: string, card: DemoCard, ctx: DemoContext): void {
	const map = getCard(doc, cardId);
	if (!map) return;
	const date = (offset: number) => fromDay(ctx.today + offset);
	const person = (name: string) => ctx.people.get(name) ?? '';
	const team = (name: string) => ctx.teams.get(name) ?? '';
	doc.transact(() => {
		if (card.sharedWith) setSharing(doc, cardId, toSharing(card.sharedWith));
		if (card.globalObjective)
			setField(doc, cardId, 'globalObjectiveId', ctx.objectives.get(card.globalObjective) ?? '');
		for (const list of ['strengths', 'difficulties', 'segments'] as const) {
			const items = card[list] ?? [];
			const ranks = generateNKeysBetween(null, null, items.length);
			items.forEach((text, i) => putEntry(doc, cardId, list, newId(), { text, rank: ranks[i] ?? 'a0' }));
		}
		for (const actor of ACTORS) {
			const note = card.micro?.[actor];
			if (note) microText(map, actor)?.insert(0, note);
		}
		for (const force of FORCES) {
			const rating = card.forces?.[force];
			if (rating) putEntry(doc, cardId, 'forces', force, rating);
		}

		const objective = card.objective;
		if (objective) {
			setField(doc, cardId, 'metric', objective.metric);
			setField(doc, cardId, 'unit', objective.unit);
			setField(doc, cardId, 'direction', objective.direction);
			setField(doc, cardId, 'baseline', objective.baseline);
			setField(doc, cardId, 'target', objective.target ?? null);
			setField(doc, cardId, 'deadline', objective.deadline === undefined ? '' : date(objective.deadline));
			setField(doc, cardId, 'why', objective.why);
		}

		if (card.owner) setField(doc, cardId, 'ownerId', person(card.owner));
		if (card.team) setField(doc, cardId, 'teamId', team(card.team));
		if (card.contributing) setField(doc, cardId, 'contributingTeamIds', card.contributing.map(team));
		const resources = card.resources ?? [];
		const resourceRanks = generateNKeysBetween(null, null, resources.length);
		resources.forEach((resource, i) =>
			putEntry(doc, cardId, 'resources', newId(), { ...resource, rank: resourceRanks[i] ?? 'a0' })
		);

		for (const phase of card.phases ?? [])
			putEntry(doc, cardId, 'phases', newId(), {
				name: phase.name,
				segments: phase.segments,
				start: date(phase.start),
				end: date(phase.end),
				cadence: phase.cadence,
				decision: phase.decision
					? { verdict: phase.decision.verdict, date: date(phase.decision.day), reason: phase.decision.reason }
					: null
			});
		for (const checkIn of card.checkIns ?? [])
			putEntry(doc, cardId, 'checkIns', newId(), {
				date: date(checkIn.day),
				value: checkIn.value,
				confidence: checkIn.confidence,
				note: checkIn.note,
				shared: checkIn.shared ?? false,
				by: person(checkIn.by),
				// Recorded in the late afternoon (UTC) of its own day, never after the seeding instant.
				at: Math.min(ctx.now, (ctx.today + checkIn.day) * DAY_MS + 16 * 3_600_000)
			});

		const outcome = card.outcome;
		if (outcome) {
			setField(doc, cardId, 'outcomeVerdict', outcome.verdict);
			setField(doc, cardId, 'outcomeDate', date(outcome.day));
			setField(doc, cardId, 'outcomeResult', outcome.result);
			learningsText(map)?.insert(0, outcome.learnings);
		}
	});
}
