import { missedCheckIns, type MissedCheckIns } from './cadence.ts';
import { elapsed, latestCheckIn, objectiveLine } from './line.ts';
import { rawProgress } from './progress.ts';
import { DEFAULT_METHOD_SETTINGS, type MethodCard, type MethodSettings, type Status } from './types.ts';

export { MISSED_FLAG_THRESHOLD, missedCheckIns, nextCheckInDue } from './cadence.ts';
export type { CheckInDue, MissedCheckIns } from './cadence.ts';

/** Worst last, so that "worse" is a greater rank. */
const LEVELS = ['on-track', 'at-risk', 'off-track'] as const;

// Absorbs float noise (0.5 − 0.4 is not exactly 0.1) so decimal boundaries fall where people expect.
const EPSILON = 1e-9;

/**
 * Where the latest check-in stands against the planned line (baseline at the first phase start,
 * target at the deadline): on or above it → on track; below by at most `tolerance` (a share of
 * |target − baseline|) → at risk; further below → off track. No check-in, or no line to compare
 * with, → no data.
 */
export function lineStatus(
	card: MethodCard,
	settings: Pick<MethodSettings, 'tolerance'> = DEFAULT_METHOD_SETTINGS
): Status {
	const latest = latestCheckIn(card);
	const line = objectiveLine(card);
	if (!latest || !line) return 'no-data';
	const actual = rawProgress(line, latest.value);
	if (actual === null) return 'no-data';
	// Both sides are shares of the way to the target, so the tolerance compares directly.
	const shortfall = elapsed(line, latest.day) - actual;
	if (shortfall <= EPSILON) return 'on-track';
	return shortfall <= settings.tolerance + EPSILON ? 'at-risk' : 'off-track';
}

/** One level worse (off track stays off track; no data stays no data). */
export function worsen(status: Status): Status {
	if (status === 'no-data') return status;
	return LEVELS[Math.min(LEVELS.indexOf(status) + 1, LEVELS.length - 1)] ?? status;
}

export interface CardStatus {
	/** null once the initiative is concluded (an outcome verdict is recorded): it has no live status. */
	status: Status | null;
	/** The status from the line alone, before missed check-ins are counted (null when concluded). */
	lineStatus: Status | null;
	missed: MissedCheckIns;
}

/** An outcome verdict and date are recorded: the initiative is over, whatever its line said. */
export function isConcluded(card: MethodCard): boolean {
	return card.outcome !== undefined;
}

const NOTHING_MISSED: MissedCheckIns = { count: 0, dates: [], flagged: false };

/**
 * The card's status on `now` in `timeZone`: the line status, one level worse when flagged. A
 * concluded card has none (an "adjusted" outcome is not "off track"), and misses no check-in.
 */
export function cardStatus(
	card: MethodCard,
	now: Date | number,
	timeZone: string,
	settings: Pick<MethodSettings, 'tolerance'> = DEFAULT_METHOD_SETTINGS
): CardStatus {
	if (isConcluded(card)) return { status: null, lineStatus: null, missed: NOTHING_MISSED };
	const fromLine = lineStatus(card, settings);
	const missed = missedCheckIns(card, now, timeZone);
	return { status: missed.flagged ? worsen(fromLine) : fromLine, lineStatus: fromLine, missed };
}

/** Orders statuses from best to worst (no data last), e.g. for sorting a stand-up list. */
export function statusRank(status: Status): number {
	return status === 'no-data' ? LEVELS.length : LEVELS.indexOf(status);
}
