import { STAGES, stageIndex, type Stage } from '../stages.ts';
import { isIsoDate } from './dates.ts';
import { datedCheckIns } from './line.ts';
import { isFiniteNumber, rawProgress } from './progress.ts';
import { DEFAULT_METHOD_SETTINGS, type Direction, type MethodCard, type MethodSettings } from './types.ts';

/**
 * One thing a card still lacks to move on. `section` is the stage whose section fills it, so the UI
 * can word an exact message and link straight to it.
 */
export type Missing =
	| { code: 'strengths'; section: 'review' }
	| { code: 'difficulties'; section: 'review' }
	| { code: 'metric'; section: 'objective' }
	| { code: 'baseline'; section: 'objective' }
	| { code: 'target'; section: 'objective' }
	| { code: 'target-direction'; section: 'objective'; direction: Direction }
	| { code: 'deadline'; section: 'objective' }
	| { code: 'owner'; section: 'scope' }
	| { code: 'team'; section: 'scope' }
	| { code: 'segments'; section: 'scope' }
	| { code: 'segments-too-many'; section: 'scope'; max: number }
	| { code: 'check-in'; section: 'rollout' }
	| { code: 'phases'; section: 'rollout' }
	| { code: 'decision'; section: 'rollout' };

export type MissingCode = Missing['code'];

export type MoveCheck = { allowed: true } | { allowed: false; missing: Missing[] };

/** Shortest written reason accepted to force a move past a gate. */
export const OVERRIDE_REASON_MIN = 10;

const filled = (text: unknown): boolean => typeof text === 'string' && text.trim() !== '';
const countFilled = (list: readonly unknown[] = []): number => list.filter(filled).length;

function reviewExit({ review }: MethodCard): Missing[] {
	const missing: Missing[] = [];
	if (countFilled(review?.strengths) === 0) missing.push({ code: 'strengths', section: 'review' });
	if (countFilled(review?.difficulties) === 0) missing.push({ code: 'difficulties', section: 'review' });
	return missing;
}

function objectiveExit({ objective }: MethodCard): Missing[] {
	const missing: Missing[] = [];
	const baseline = objective?.baseline;
	const target = objective?.target;
	if (!filled(objective?.metric)) missing.push({ code: 'metric', section: 'objective' });
	if (!isFiniteNumber(baseline)) missing.push({ code: 'baseline', section: 'objective' });
	if (!isFiniteNumber(target)) missing.push({ code: 'target', section: 'objective' });
	// A target that is not beyond the baseline in the chosen direction cannot be progressed toward.
	else if (objective && isFiniteNumber(baseline) && rawProgress(objective, target) === null)
		missing.push({ code: 'target-direction', section: 'objective', direction: objective.direction });
	if (!isIsoDate(objective?.deadline)) missing.push({ code: 'deadline', section: 'objective' });
	return missing;
}

function scopeExit({ scope }: MethodCard, settings: MethodSettings): Missing[] {
	const missing: Missing[] = [];
	const segments = countFilled(scope?.segments);
	if (!filled(scope?.ownerId)) missing.push({ code: 'owner', section: 'scope' });
	if (!filled(scope?.teamId)) missing.push({ code: 'team', section: 'scope' });
	if (segments === 0) missing.push({ code: 'segments', section: 'scope' });
	if (segments > settings.maxSegments)
		missing.push({ code: 'segments-too-many', section: 'scope', max: settings.maxSegments });
	return missing;
}

function rolloutExit({ rollout, checkIns }: MethodCard): Missing[] {
	const missing: Missing[] = [];
	const last = rollout?.phases?.at(-1);
	if (datedCheckIns(checkIns).length === 0) missing.push({ code: 'check-in', section: 'rollout' });
	if (!last) missing.push({ code: 'phases', section: 'rollout' });
	else if (!last.decision) missing.push({ code: 'decision', section: 'rollout' });
	return missing;
}

/** The criteria checked on entering each stage: the previous stage's exit criteria. */
const GATES: Record<Stage, (card: MethodCard, settings: MethodSettings) => Missing[]> = {
	ideas: () => [],
	review: () => [], // any idea may be put up for review
	objective: reviewExit,
	scope: objectiveExit,
	rollout: scopeExit,
	outcome: rolloutExit
};

/** What `card` lacks to enter `stage` from the stage just before it. */
export function missingToEnter(card: MethodCard, stage: Stage, settings = DEFAULT_METHOD_SETTINGS): Missing[] {
	return GATES[stage](card, settings);
}

/** Backwards or in place is always allowed; forwards, every gate crossed must be met. */
export function checkMove(card: MethodCard, from: Stage, to: Stage, settings = DEFAULT_METHOD_SETTINGS): MoveCheck {
	const crossed = STAGES.slice(stageIndex(from) + 1, stageIndex(to) + 1);
	const missing = crossed.flatMap((stage) => GATES[stage](card, settings));
	return missing.length === 0 ? { allowed: true } : { allowed: false, missing };
}

/** A gate may be forced only with a written reason of at least OVERRIDE_REASON_MIN characters. */
export function isOverrideValid(reason: unknown): boolean {
	return typeof reason === 'string' && [...reason.trim()].length >= OVERRIDE_REASON_MIN;
}
