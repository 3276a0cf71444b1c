/**
 * The method's card sections. Every section and field may be missing or empty: cards are filled in
 * little by little, and the gates (gates.ts) say what is still needed to move on.
 */

/** A calendar date 'YYYY-MM-DD', with no time zone (see dates.ts). */
export type IsoDate = string;

export const ACTORS = ['clients', 'partners', 'suppliers', 'competitors', 'prescribers'] as const;
export type Actor = (typeof ACTORS)[number];

export const FORCES = ['buyersPower', 'suppliersPower', 'newEntrants', 'substitutes', 'rivalry'] as const;
export type Force = (typeof FORCES)[number];

export const DIRECTIONS = ['increase', 'decrease'] as const;
export type Direction = (typeof DIRECTIONS)[number];

export const CADENCES = ['weekly', 'biweekly', 'monthly'] as const;
export type Cadence = (typeof CADENCES)[number];

export const CONFIDENCES = ['on-track', 'at-risk', 'off-track'] as const;
export type Confidence = (typeof CONFIDENCES)[number];

/** Computed status of a card: a confidence level, or nothing to judge yet. */
export type Status = Confidence | 'no-data';

export const VERDICTS = ['go', 'no-go'] as const;
export type Verdict = (typeof VERDICTS)[number];

export const OUTCOME_VERDICTS = ['generalised', 'adjusted', 'abandoned'] as const;
export type OutcomeVerdict = (typeof OUTCOME_VERDICTS)[number];

/** The usual resource units; any other short label is allowed too. */
export const RESOURCE_UNITS = ['hours/week', 'days', '€'] as const;
export type ResourceUnit = (typeof RESOURCE_UNITS)[number] | (string & {});

export interface ForceRating {
	rating: 1 | 2 | 3 | 4 | 5;
	note: string;
}

export interface Review {
	strengths?: string[];
	difficulties?: string[];
	microEnvironment?: Partial<Record<Actor, string>>;
	/** Each force may be rated on its own; the whole analysis is optional. */
	fiveForces?: Partial<Record<Force, ForceRating>>;
}

export interface Objective {
	metric?: string;
	unit?: string;
	direction: Direction;
	baseline?: number;
	target?: number;
	deadline?: IsoDate;
	why?: string;
	globalObjectiveId?: string;
}

export interface Resource {
	amount: number;
	unit: ResourceUnit;
	who: string;
	forWhat: string;
}

export interface Scope {
	ownerId?: string;
	teamId?: string;
	contributingTeamIds?: string[];
	segments?: string[];
	resources?: Resource[];
}

export interface Decision {
	verdict: Verdict;
	date: IsoDate;
	reason: string;
}

export interface Phase {
	name: string;
	segments: string[];
	start: IsoDate;
	end: IsoDate;
	cadence: Cadence;
	decision: Decision | null;
}

export interface Rollout {
	/** In rollout order; the last one carries the go/no-go that closes the rollout. */
	phases?: Phase[];
}

export interface CheckIn {
	date: IsoDate;
	value: number;
	confidence: Confidence;
	note: string;
}

export interface Outcome {
	verdict: OutcomeVerdict;
	date: IsoDate;
	result: number | null;
	learnings: string;
}

/** Everything the method knows about one card (the stage itself lives on the card). */
export interface MethodCard {
	review?: Review;
	objective?: Objective;
	scope?: Scope;
	rollout?: Rollout;
	checkIns?: CheckIn[];
	outcome?: Outcome;
}

/** Per-board knobs of the method. */
export interface MethodSettings {
	/** Most segments a scope may target. */
	maxSegments: number;
	/** How far below the expected line still counts as "at risk", as a fraction of |target − baseline|. */
	tolerance: number;
}

export const DEFAULT_METHOD_SETTINGS: Readonly<MethodSettings> = { maxSegments: 3, tolerance: 0.1 };
