import { isIsoDate } from '#lib/domain/method/dates.ts';
import { METHOD_LIMITS } from '#lib/domain/method/schemas.ts';
import type { IsoDate } from '#lib/domain/method/types.ts';

/** What the phase form holds before it is saved. */
export interface PhaseDraft {
	name: string;
	segments: string[];
	start: string;
	end: string;
}

/** A saved phase, as far as ordering goes. */
export interface PlacedPhase {
	id: string;
	name: string;
	start: IsoDate;
}

export type PhaseProblem =
	| { code: 'name' | 'start' | 'end' | 'end-before-start' | 'segment-too-long' }
	| { code: 'too-many-segments'; max: number }
	/** The phase would start before the one it follows, or after the one that follows it. */
	| { code: 'before-previous' | 'after-next'; other: PlacedPhase };

/**
 * Why a phase cannot be saved, or null. Phases are a rollout *in order* (pilot, extensions,
 * generalisation): a new one comes last, and an edited one keeps its place among its neighbours,
 * so that editing a date never silently reorders the plan.
 * `phases` are the saved phases by start; `id` is the edited one's (null for a new phase).
 */
export function phaseProblem(
	draft: PhaseDraft,
	phases: readonly PlacedPhase[],
	id: string | null
): PhaseProblem | null {
	if (draft.name.trim() === '') return { code: 'name' };
	if (draft.segments.length > METHOD_LIMITS.segments) return { code: 'too-many-segments', max: METHOD_LIMITS.segments };
	if (draft.segments.some((segment) => segment.length > METHOD_LIMITS.shortText)) return { code: 'segment-too-long' };
	if (!isIsoDate(draft.start)) return { code: 'start' };
	if (!isIsoDate(draft.end)) return { code: 'end' };
	if (draft.end < draft.start) return { code: 'end-before-start' };
	const index = id === null ? phases.length : phases.findIndex((phase) => phase.id === id);
	const previous = index > 0 ? phases[index - 1] : undefined;
	const next = id === null || index < 0 ? undefined : phases[index + 1];
	if (previous && draft.start < previous.start) return { code: 'before-previous', other: previous };
	if (next && draft.start > next.start) return { code: 'after-next', other: next };
	return null;
}

/**
 * The segments of a phase: those ticked among the scope's, then those typed (separated by commas,
 * semicolons or new lines), trimmed, without blanks or repeats (ignoring case).
 */
export function phaseSegments(ticked: readonly string[], typed: string): string[] {
	const seen = new Set<string>();
	const segments: string[] = [];
	for (const raw of [...ticked, ...typed.split(/[,;\n]/)]) {
		const segment = raw.trim();
		const key = segment.toLocaleLowerCase();
		if (segment === '' || seen.has(key)) continue;
		seen.add(key);
		segments.push(segment);
	}
	return segments;
}

/** Splits a phase's segments into those of the scope (to tick) and the others (typed, comma-separated). */
export function splitSegments(
	segments: readonly string[],
	scope: readonly string[]
): { ticked: string[]; typed: string } {
	const inScope = (segment: string) => scope.find((s) => s.toLocaleLowerCase() === segment.toLocaleLowerCase());
	const ticked = segments.flatMap((segment) => inScope(segment) ?? []);
	const typed = segments.filter((segment) => !inScope(segment)).join(', ');
	return { ticked, typed };
}
