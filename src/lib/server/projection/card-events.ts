import type { CardView } from '#lib/board/schema.ts';
import type { OutcomeVerdict, Verdict } from '#lib/domain/method/types.ts';
import type { Stage } from '#lib/domain/stages.ts';
import type { CardEventKind } from '../services/events.ts';

/** One meaningful change of a card, as the log (card_event) keeps it. */
export interface CardChange {
	kind: CardEventKind;
	data: Record<string, unknown>;
}

/**
 * What the log compares of a card's last projected state: all a projection keeps of each card
 * between flushes, hence small (a bare card shares the empty lists).
 */
export interface CardMarks {
	stage: Stage;
	overrides: readonly string[];
	checkIns: readonly string[];
	/** The decided phases: [phase id, verdict]. */
	decisions: readonly (readonly [string, Verdict])[];
	outcome: OutcomeVerdict | null;
}

const NONE: readonly never[] = [];

export function marksOf(card: CardView): CardMarks {
	const { overrides, checkIns, phases, outcome } = card.sections;
	const ids = (list: readonly { id: string }[]) => (list.length === 0 ? NONE : list.map((entry) => entry.id));
	const decisions = phases.flatMap((p) => (p.decision ? [[p.id, p.decision.verdict] as const] : []));
	return {
		stage: card.stage,
		overrides: ids(overrides),
		checkIns: ids(checkIns),
		decisions: decisions.length === 0 ? NONE : decisions,
		outcome: outcome.verdict
	};
}

/**
 * What happened to a card between two projected states (null before: a new card). Pure, and
 * idempotent: projecting the same state twice yields nothing, so the log never repeats itself.
 */
export function cardChanges(before: CardMarks | null, after: CardView): CardChange[] {
	if (!before) return [{ kind: 'created', data: { stage: after.stage } }];
	const changes: CardChange[] = [];
	if (before.stage !== after.stage) changes.push({ kind: 'moved', data: { from: before.stage, to: after.stage } });
	const now = after.sections;

	const overrides = new Set(before.overrides);
	for (const o of now.overrides)
		if (!overrides.has(o.id)) changes.push({ kind: 'gate-forced', data: { from: o.from, to: o.to, reason: o.reason } });
	const checkIns = new Set(before.checkIns);
	for (const c of now.checkIns)
		if (!checkIns.has(c.id))
			changes.push({ kind: 'check-in', data: { value: c.value, date: c.date, confidence: c.confidence } });

	const verdicts = new Map(before.decisions);
	for (const phase of now.phases) {
		const verdict = phase.decision?.verdict ?? null;
		if (verdict && verdict !== verdicts.get(phase.id))
			changes.push({ kind: 'decision', data: { phaseId: phase.id, phaseName: phase.name, verdict } });
	}
	const outcome = now.outcome.verdict;
	if (outcome && outcome !== before.outcome) changes.push({ kind: 'outcome', data: { verdict: outcome } });
	return changes;
}
