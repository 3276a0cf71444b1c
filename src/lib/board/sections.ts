import * as v from 'valibot';
import type * as Y from 'yjs';
import { isRank, sortRanked } from '#lib/domain/ordering.ts';
import { isStage, type Stage } from '#lib/domain/stages.ts';
import { ID_PATTERN } from '#lib/domain/validation.ts';
import * as t from '#lib/domain/method/types.ts';
import { FORCES, type Force, type ForceRating } from '#lib/domain/method/types.ts';
import { IsoDateInput, METHOD_LIMITS as L } from '#lib/domain/method/schemas.ts';
import { collectionEntries } from './section-store.ts';

/**
 * The method's sections inside a card's Y.Map. Three shapes, each chosen for how people edit it:
 *  - plain fields (metric, owner, outcome verdict…) set directly on the card map: last writer wins;
 *  - collections (strengths, phases, check-ins…): id → plain record, each record replaced whole, so
 *    two people adding at once both keep theirs and an ordered list never duplicates (order is a
 *    fractional `rank`, or the record's own date);
 *  - Y.Text (micro-environment notes, learnings), for prose several people type into at once.
 * Where each is stored (and the older layout of cards) is section-store.ts's business alone.
 * Every read validates, so a malformed record (a buggy or hostile writer) is skipped, never shown.
 */

export const FIELDS = {
	metric: 'metric',
	unit: 'unit',
	direction: 'direction',
	baseline: 'baseline',
	target: 'target',
	deadline: 'deadline',
	why: 'why',
	globalObjectiveId: 'globalObjectiveId',
	ownerId: 'ownerId',
	teamId: 'teamId',
	contributingTeamIds: 'contributingTeamIds',
	outcomeVerdict: 'outcomeVerdict',
	outcomeDate: 'outcomeDate',
	outcomeResult: 'outcomeResult'
} as const;
export type Field = keyof typeof FIELDS;

export const COLLECTIONS = [
	'strengths',
	'difficulties',
	'segments',
	'forces',
	'resources',
	'phases',
	'checkIns',
	'overrides',
	'flags'
] as const;
export type Collection = (typeof COLLECTIONS)[number];

const amount = v.pipe(v.number(), v.finite(), v.minValue(-L.magnitude), v.maxValue(L.magnitude));
const optionalId = v.pipe(v.string(), v.regex(/^(|[A-Za-z0-9_-]{10,64})$/));

/** What each plain field accepts; an empty string or null clears it. */
export const FIELD_INPUTS = {
	metric: v.pipe(v.string(), v.trim(), v.maxLength(L.shortText)),
	unit: v.pipe(v.string(), v.trim(), v.maxLength(L.unit)),
	direction: v.picklist(t.DIRECTIONS),
	baseline: v.nullable(amount),
	target: v.nullable(amount),
	deadline: v.union([v.literal(''), IsoDateInput]),
	why: v.pipe(v.string(), v.trim(), v.maxLength(L.note)),
	globalObjectiveId: optionalId,
	ownerId: optionalId,
	teamId: optionalId,
	contributingTeamIds: v.pipe(v.array(v.pipe(v.string(), v.regex(ID_PATTERN))), v.maxLength(L.teams)),
	outcomeVerdict: v.union([v.literal(''), v.picklist(t.OUTCOME_VERDICTS)]),
	outcomeDate: v.union([v.literal(''), IsoDateInput]),
	outcomeResult: v.nullable(amount)
} satisfies Record<Field, v.GenericSchema>;
export type FieldValue<F extends Field> = v.InferOutput<(typeof FIELD_INPUTS)[F]>;

const text = (max: number) => v.pipe(v.string(), v.maxLength(max));
const num = v.pipe(v.number(), v.finite());
const stage = v.custom<Stage>(isStage);
const date = IsoDateInput;
const rank = v.custom<string>(isRank);

/**
 * `prompt`: a question a template suggests answering, shown as a hint; it never counts as content
 * (no gate, no count on the card face) until someone rewrites it in their own words.
 */
const ListItemRecord = v.object({ text: text(L.listItem), rank, prompt: v.optional(v.literal(true)) });
const ResourceRecord = v.object({
	amount: num,
	unit: text(L.unit),
	who: text(L.shortText),
	forWhat: text(L.shortText),
	rank
});
const DecisionRecord = v.object({ verdict: v.picklist(t.VERDICTS), date, reason: text(L.note) });
const PhaseRecord = v.object({
	name: text(L.shortText),
	segments: v.pipe(v.array(text(L.shortText)), v.maxLength(L.segments)),
	start: date,
	end: date,
	cadence: v.picklist(t.CADENCES),
	decision: v.nullable(DecisionRecord)
});
const CheckInRecord = v.object({
	date,
	value: num,
	confidence: v.picklist(t.CONFIDENCES),
	note: text(L.note),
	by: v.string(),
	at: v.number(),
	/** Shown to the guests the card is shared with (see sharing.ts); absent on older check-ins. */
	shared: v.optional(v.boolean())
});
const ForceRecord = v.object({ rating: v.picklist([1, 2, 3, 4, 5]), note: text(L.note) });
const OverrideRecord = v.object({
	from: stage,
	to: stage,
	reason: text(L.reason),
	missing: v.array(v.string()),
	by: v.string(),
	at: v.number()
});
const FlagRecord = v.object({ from: stage, to: stage, missing: v.array(v.string()), by: v.string(), at: v.number() });

/** What each collection holds, as written. */
export interface CollectionRecords {
	strengths: v.InferOutput<typeof ListItemRecord>;
	difficulties: v.InferOutput<typeof ListItemRecord>;
	segments: v.InferOutput<typeof ListItemRecord>;
	forces: ForceRating;
	resources: v.InferOutput<typeof ResourceRecord>;
	phases: v.InferOutput<typeof PhaseRecord>;
	checkIns: v.InferOutput<typeof CheckInRecord>;
	overrides: v.InferOutput<typeof OverrideRecord>;
	flags: v.InferOutput<typeof FlagRecord>;
}

const RECORDS: { [C in Collection]: v.GenericSchema<unknown, CollectionRecords[C]> } = {
	strengths: ListItemRecord,
	difficulties: ListItemRecord,
	segments: ListItemRecord,
	forces: ForceRecord as v.GenericSchema<unknown, ForceRating>,
	resources: ResourceRecord,
	phases: PhaseRecord,
	checkIns: CheckInRecord,
	overrides: OverrideRecord,
	flags: FlagRecord
};

export type Entry<C extends Collection> = CollectionRecords[C] & { id: string };

/** The valid records of a collection, with their ids, in map order (callers sort). */
export function readEntries<C extends Collection>(card: Y.Map<unknown>, collection: C): Entry<C>[] {
	const entries: Entry<C>[] = [];
	for (const [id, value] of collectionEntries(card, collection)) {
		const parsed = v.safeParse(RECORDS[collection], value);
		if (parsed.success) entries.push({ ...(parsed.output as CollectionRecords[C]), id });
	}
	return entries;
}

export function isValidRecord<C extends Collection>(collection: C, value: unknown): value is CollectionRecords[C] {
	return v.safeParse(RECORDS[collection], value).success;
}

export type ListItem = Entry<'strengths'>;

/** The items people wrote, prompts left out. */
export function answered(items: readonly ListItem[]): ListItem[] {
	return items.filter((item) => item.prompt !== true);
}

/** Strengths, difficulties or segments in their ranked order. */
export function readList(card: Y.Map<unknown>, list: 'strengths' | 'difficulties' | 'segments'): ListItem[] {
	return sortRanked(readEntries(card, list));
}

export function readForces(card: Y.Map<unknown>): Partial<Record<Force, ForceRating>> {
	const forces: Partial<Record<Force, ForceRating>> = {};
	for (const { id, rating, note } of readEntries(card, 'forces'))
		if ((FORCES as readonly string[]).includes(id)) forces[id as Force] = { rating, note };
	return forces;
}
