import { isStage, type Stage } from '../stages.ts';
import { OUTCOME_VERDICTS, type OutcomeVerdict } from '../method/types.ts';

/** One entry of the server's card log, as the metrics read it (card_event rows, data parsed). */
export interface FlowEvent {
	cardId: string;
	kind: string;
	at: number;
	data: Record<string, unknown>;
}

/** A stretch of time a card spent in one stage; `to` is null while it is still there. */
export interface Stint {
	stage: Stage;
	from: number;
	to: number | null;
}

export interface CardHistory {
	cardId: string;
	stints: Stint[];
	/** Outcome verdicts in the order they were recorded. */
	verdicts: { verdict: OutcomeVerdict; at: number }[];
}

/**
 * Each card's path through the stages, from its 'created' and 'moved' events. An event that puts a
 * card where it already is changes nothing (a backfilled 'created' and the projection's own may
 * both exist); a move with no earlier known stage starts the card's history at that move (the
 * time before it is unknown, so it is not counted).
 */
export function buildHistories(events: readonly FlowEvent[]): Map<string, CardHistory> {
	const sorted = [...events].sort((a, b) => a.at - b.at);
	const histories = new Map<string, CardHistory>();
	for (const event of sorted) {
		let history = histories.get(event.cardId);
		if (!history) {
			history = { cardId: event.cardId, stints: [], verdicts: [] };
			histories.set(event.cardId, history);
		}
		if (event.kind === 'outcome') {
			const verdict = event.data.verdict;
			if ((OUTCOME_VERDICTS as readonly unknown[]).includes(verdict))
				history.verdicts.push({ verdict: verdict as OutcomeVerdict, at: event.at });
			continue;
		}
		const stage = event.kind === 'created' ? event.data.stage : event.kind === 'moved' ? event.data.to : null;
		if (isStage(stage)) enter(history.stints, stage, event.at);
	}
	return histories;
}

function enter(stints: Stint[], stage: Stage, at: number): void {
	const current = stints.at(-1);
	if (current?.stage === stage && current.to === null) return;
	if (current && current.to === null) current.to = at;
	stints.push({ stage, from: at, to: null });
}

/** The stint a card was in at instant `at`, or null (not on the board yet). */
export function stintAt(history: CardHistory, at: number): Stint | null {
	for (let i = history.stints.length - 1; i >= 0; i--) {
		const stint = history.stints[i]!;
		if (stint.from <= at) return stint.to === null || stint.to > at ? stint : null;
	}
	return null;
}
