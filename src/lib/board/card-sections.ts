import type * as Y from 'yjs';
import { sortRanked } from '#lib/domain/ordering.ts';
import { isIsoDate } from '#lib/domain/method/dates.ts';
import { isFiniteNumber } from '#lib/domain/method/progress.ts';
import * as t from '#lib/domain/method/types.ts';
import { answered, FIELDS, readEntries, readForces, readList, type Entry, type ListItem } from './sections.ts';
import { readLearnings, readMicro } from './section-store.ts';

/** A plain snapshot of a card's method sections, safe for $state and for the server. */
export interface CardSections {
	/** Prompts included (see `answered`). */
	strengths: ListItem[];
	difficulties: ListItem[];
	micro: Partial<Record<t.Actor, string>>;
	forces: Partial<Record<t.Force, t.ForceRating>>;
	objective: t.Objective;
	ownerId: string | null;
	teamId: string | null;
	contributingTeamIds: string[];
	segments: ListItem[];
	resources: Entry<'resources'>[];
	/** By start date. */
	phases: Entry<'phases'>[];
	/** By date, then by when they were recorded. */
	checkIns: Entry<'checkIns'>[];
	outcome: { verdict: t.OutcomeVerdict | null; date: t.IsoDate | null; result: number | null };
	learnings: string;
	/** Gates forced by a manager, oldest first. */
	overrides: Entry<'overrides'>[];
	/** Moves past a gate without a valid override, as the server saw them, oldest first. */
	flags: Entry<'flags'>[];
}

export function readSections(card: Y.Map<unknown>): CardSections {
	const field = (key: keyof typeof FIELDS) => card.get(FIELDS[key]);
	const micro: Partial<Record<t.Actor, string>> = {};
	for (const actor of t.ACTORS) {
		const note = readMicro(card, actor);
		if (note) micro[actor] = note;
	}
	const byTime = <E extends { at: number }>(list: E[]) => list.sort((a, b) => a.at - b.at);
	return {
		strengths: readList(card, 'strengths'),
		difficulties: readList(card, 'difficulties'),
		micro,
		forces: readForces(card),
		objective: {
			metric: stringOr(field('metric')),
			unit: stringOr(field('unit')),
			direction: field('direction') === 'decrease' ? 'decrease' : 'increase',
			baseline: numberOr(field('baseline')),
			target: numberOr(field('target')),
			deadline: isIsoDate(field('deadline')) ? (field('deadline') as string) : undefined,
			why: stringOr(field('why')),
			globalObjectiveId: stringOr(field('globalObjectiveId'))
		},
		ownerId: stringOr(field('ownerId')) ?? null,
		teamId: stringOr(field('teamId')) ?? null,
		contributingTeamIds: stringList(field('contributingTeamIds')),
		segments: readList(card, 'segments'),
		resources: sortRanked(readEntries(card, 'resources')),
		phases: readEntries(card, 'phases').sort((a, b) => compare(a.start, b.start) || compare(a.id, b.id)),
		checkIns: readEntries(card, 'checkIns').sort((a, b) => compare(a.date, b.date) || a.at - b.at),
		outcome: {
			verdict: (t.OUTCOME_VERDICTS as readonly unknown[]).includes(field('outcomeVerdict'))
				? (field('outcomeVerdict') as t.OutcomeVerdict)
				: null,
			date: isIsoDate(field('outcomeDate')) ? (field('outcomeDate') as string) : null,
			result: numberOr(field('outcomeResult')) ?? null
		},
		learnings: readLearnings(card),
		overrides: byTime(readEntries(card, 'overrides')),
		flags: byTime(readEntries(card, 'flags'))
	};
}

/** The sections of a card nobody has filled in yet. */
export function emptySections(): CardSections {
	return {
		strengths: [],
		difficulties: [],
		micro: {},
		forces: {},
		objective: { direction: 'increase' },
		ownerId: null,
		teamId: null,
		contributingTeamIds: [],
		segments: [],
		resources: [],
		phases: [],
		checkIns: [],
		outcome: { verdict: null, date: null, result: null },
		learnings: '',
		overrides: [],
		flags: []
	};
}

/** The sections as the method's rules (domain/method) see them. */
export function toMethodCard(s: CardSections): t.MethodCard {
	const { verdict, date, result } = s.outcome;
	return {
		review: {
			strengths: answered(s.strengths).map((item) => item.text),
			difficulties: answered(s.difficulties).map((item) => item.text),
			microEnvironment: s.micro,
			fiveForces: s.forces
		},
		objective: s.objective,
		scope: {
			ownerId: s.ownerId ?? undefined,
			teamId: s.teamId ?? undefined,
			contributingTeamIds: s.contributingTeamIds,
			segments: s.segments.map((item) => item.text),
			resources: s.resources
		},
		rollout: { phases: s.phases },
		checkIns: s.checkIns,
		outcome: verdict && date ? { verdict, date, result, learnings: s.learnings } : undefined
	};
}

function compare(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}

function stringOr(value: unknown): string | undefined {
	return typeof value === 'string' && value !== '' ? value : undefined;
}

function numberOr(value: unknown): number | undefined {
	return isFiniteNumber(value) ? value : undefined;
}

function stringList(value: unknown): string[] {
	return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}
