import * as v from 'valibot';
import { ID_PATTERN } from '../validation.ts';
import { isIsoDate, isTimeZone } from './dates.ts';
import { isOverrideValid, OVERRIDE_REASON_MIN } from './gates.ts';
import * as t from './types.ts';

/** Input limits of the method's sections, shared by forms, endpoints and the board document. */
export const METHOD_LIMITS = {
	shortText: 120,
	unit: 30,
	listItem: 300,
	listItems: 20,
	note: 2_000,
	longText: 5_000,
	/** Hard ceiling of the board setting `maxSegments`. */
	segments: 10,
	teams: 20,
	resources: 30,
	phases: 12,
	checkIns: 500,
	/** Numbers stay well inside the doubles' exact integer range. */
	magnitude: 1e12,
	reason: 1_000
} as const;

const L = METHOD_LIMITS;
const text = (max: number) => v.pipe(v.string(), v.trim(), v.maxLength(max));
const required = (max: number) => v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(max));
const list = (item: number, items: number) => v.pipe(v.array(required(item)), v.maxLength(items));
const amount = v.pipe(v.number(), v.finite(), v.minValue(-L.magnitude), v.maxValue(L.magnitude));
const id = v.pipe(v.string(), v.regex(ID_PATTERN));

export const IsoDateInput = v.pipe(
	v.string(),
	v.check((date: string) => isIsoDate(date), 'Expected a date YYYY-MM-DD')
);
export const TimeZoneInput = v.pipe(
	v.string(),
	v.check((zone: string) => isTimeZone(zone), 'Unknown time zone')
);

const ForceRatingInput = v.object({ rating: v.picklist([1, 2, 3, 4, 5]), note: text(L.note) });

export const ReviewInput = v.object({
	strengths: v.optional(list(L.listItem, L.listItems), []),
	difficulties: v.optional(list(L.listItem, L.listItems), []),
	microEnvironment: v.optional(v.partial(v.object(mapKeys(t.ACTORS, text(L.note)))), {}),
	fiveForces: v.optional(v.partial(v.object(mapKeys(t.FORCES, ForceRatingInput))))
});

export const ObjectiveInput = v.object({
	metric: v.optional(text(L.shortText)),
	unit: v.optional(text(L.unit)),
	direction: v.optional(v.picklist(t.DIRECTIONS), 'increase'),
	baseline: v.optional(amount),
	target: v.optional(amount),
	deadline: v.optional(IsoDateInput),
	why: v.optional(text(L.note)),
	globalObjectiveId: v.optional(id)
});

export const ResourceInput = v.object({
	amount: v.pipe(amount, v.minValue(0)),
	unit: required(L.unit),
	who: text(L.shortText),
	forWhat: text(L.shortText)
});

/** A scope for a board that allows `maxSegments` segments (distinct, ignoring case). */
export function scopeInput({ maxSegments }: Pick<t.MethodSettings, 'maxSegments'> = t.DEFAULT_METHOD_SETTINGS) {
	return v.object({
		ownerId: v.optional(id),
		teamId: v.optional(id),
		contributingTeamIds: v.optional(v.pipe(v.array(id), v.maxLength(L.teams)), []),
		segments: v.optional(
			v.pipe(
				list(L.shortText, maxSegments),
				v.check((items: string[]) => distinct(items), 'Segments must differ')
			),
			[]
		),
		resources: v.optional(v.pipe(v.array(ResourceInput), v.maxLength(L.resources)), [])
	});
}
export const ScopeInput = scopeInput();

export const DecisionInput = v.object({
	verdict: v.picklist(t.VERDICTS),
	date: IsoDateInput,
	reason: text(L.note)
});

export const PhaseInput = v.pipe(
	v.object({
		name: required(L.shortText),
		segments: list(L.shortText, L.segments),
		start: IsoDateInput,
		end: IsoDateInput,
		cadence: v.picklist(t.CADENCES),
		decision: v.optional(v.nullable(DecisionInput), null)
	}),
	v.check((phase) => phase.start <= phase.end, 'A phase ends on or after its start')
);

export const RolloutInput = v.object({
	phases: v.pipe(
		v.array(PhaseInput),
		v.maxLength(L.phases),
		// Ordered by start; phases may overlap (segments rolled out side by side).
		v.check(
			(phases) => phases.every((p, i) => i === 0 || (phases[i - 1]?.start ?? '') <= p.start),
			'Phases in start order'
		)
	)
});

export const CheckInInput = v.object({
	date: IsoDateInput,
	value: amount,
	confidence: v.picklist(t.CONFIDENCES),
	note: v.optional(text(L.note), ''),
	/** Visible to the guests the card is shared with. */
	shared: v.optional(v.boolean(), false)
});
export const CheckInsInput = v.pipe(v.array(CheckInInput), v.maxLength(L.checkIns));

export const OutcomeInput = v.object({
	verdict: v.picklist(t.OUTCOME_VERDICTS),
	date: IsoDateInput,
	result: v.optional(v.nullable(amount), null),
	learnings: v.optional(text(L.longText), '')
});

export const OverrideReasonInput = v.pipe(
	text(L.reason),
	v.check((reason: string) => isOverrideValid(reason), `Give a reason of at least ${OVERRIDE_REASON_MIN} characters`)
);

export const MethodSettingsInput = v.object({
	maxSegments: v.optional(
		v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(L.segments)),
		t.DEFAULT_METHOD_SETTINGS.maxSegments
	),
	tolerance: v.optional(
		v.pipe(v.number(), v.finite(), v.minValue(0), v.maxValue(1)),
		t.DEFAULT_METHOD_SETTINGS.tolerance
	)
});

function mapKeys<K extends string, S>(keys: readonly K[], schema: S): Record<K, S> {
	return Object.fromEntries(keys.map((key) => [key, schema])) as Record<K, S>;
}

function distinct(items: readonly string[]): boolean {
	return new Set(items.map((item) => item.toLocaleLowerCase('en'))).size === items.length;
}
