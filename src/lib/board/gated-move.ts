import type * as Y from 'yjs';
import { nanoid } from 'nanoid';
import { rankForIndex, sortRanked } from '#lib/domain/ordering.ts';
import { checkMove, isOverrideValid, type Missing } from '#lib/domain/method/gates.ts';
import type { MethodSettings } from '#lib/domain/method/types.ts';
import type { Stage } from '#lib/domain/stages.ts';
import { toMethodCard } from './card-sections.ts';
import { moveCard, type GateOverride } from './commands.ts';
import { readCards, type CardView } from './schema.ts';

/** A move is refused when a gate is unmet and no valid override reason came with it. */
export type MoveResult = { moved: true } | { moved: false; missing: Missing[] };

/** What a move of `card` to `stage` lacks (empty: the gates let it through). */
export function missingFor(card: CardView, stage: Stage, settings: MethodSettings): Missing[] {
	const check = checkMove(toMethodCard(card.sections), card.stage, stage, settings);
	return check.allowed ? [] : check.missing;
}

export interface MoveRequest {
	card: CardView;
	to: Stage;
	settings: MethodSettings;
	/** Who moves, and whether they may force a gate (owners and managers). */
	by: { id: string; canOverride: boolean };
	overrideReason?: string;
}

/**
 * Decides a move against the gates: allowed as is, allowed with an override to record (a manager's
 * written reason), or refused with what is missing.
 */
export function planMove({
	card,
	to,
	settings,
	by,
	overrideReason
}: MoveRequest): { allowed: true; override?: GateOverride } | { allowed: false; missing: Missing[] } {
	const missing = missingFor(card, to, settings);
	if (missing.length === 0) return { allowed: true };
	if (!by.canOverride || !isOverrideValid(overrideReason)) return { allowed: false, missing };
	const record = {
		from: card.stage,
		to,
		reason: (overrideReason ?? '').trim(),
		missing: missing.map((m) => m.code),
		by: by.id,
		at: Date.now()
	};
	return { allowed: true, override: { id: nanoid(12), record } };
}

/**
 * Puts `card` at `index` of the `to` column (index counted without the card itself) if the gates let
 * it through or a valid override comes with it: the one move path of the board page and the API.
 */
export function moveWithGates(
	doc: Y.Doc,
	request: MoveRequest & { column: readonly CardView[]; index: number }
): MoveResult {
	const { card, to, column, index } = request;
	if (column.findIndex((c) => c.id === card.id) === index) return { moved: true }; // already there
	const plan = planMove(request);
	if (!plan.allowed) return { moved: false, missing: plan.missing };
	moveCard(doc, card.id, to, rankForIndex(column, card.id, index), plan.override);
	return { moved: true };
}

/** The live (unarchived) cards of one stage, in rank order, as a column shows them. */
export function readColumn(doc: Y.Doc, stage: Stage): CardView[] {
	return sortRanked(readCards(doc).filter((c) => c.stage === stage && !c.archived));
}
