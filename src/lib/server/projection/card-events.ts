import type { CardView } from '#lib/board/schema.ts';
import type { CardEventKind } from '../services/events.ts';

/** One meaningful change of a card, as the log (card_event) keeps it. */
export interface CardChange {
	kind: CardEventKind;
	data: Record<string, unknown>;
}

/**
 * What happened to a card between two projected states (null before: a new card). Pure, and
 * idempotent: projecting the same state twice yields nothing, so the log never repeats itself.
 */
export function cardChanges(before: CardView | null, after: CardView): CardChange[] {
	if (!before) return [{ kind: 'created', data: { stage: after.stage } }];
	const changes: CardChange[] = [];
	if (before.stage !== after.stage) changes.push({ kind: 'moved', data: { from: before.stage, to: after.stage } });
	const was = before.sections;
	const now = after.sections;
	const known = (list: { id: string }[]) => new Set(list.map((entry) => entry.id));

	const overrides = known(was.overrides);
	for (const o of now.overrides)
		if (!overrides.has(o.id)) changes.push({ kind: 'gate-forced', data: { from: o.from, to: o.to, reason: o.reason } });
	const checkIns = known(was.checkIns);
	for (const c of now.checkIns)
		if (!checkIns.has(c.id))
			changes.push({ kind: 'check-in', data: { value: c.value, date: c.date, confidence: c.confidence } });

	const verdicts = new Map(was.phases.map((p) => [p.id, p.decision?.verdict ?? null]));
	for (const phase of now.phases) {
		const verdict = phase.decision?.verdict ?? null;
		if (verdict && verdict !== verdicts.get(phase.id))
			changes.push({ kind: 'decision', data: { phaseId: phase.id, phaseName: phase.name, verdict } });
	}
	const outcome = now.outcome.verdict;
	if (outcome && outcome !== was.outcome.verdict) changes.push({ kind: 'outcome', data: { verdict: outcome } });
	return changes;
}
