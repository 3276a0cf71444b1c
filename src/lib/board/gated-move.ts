import type * as Y from 'yjs';
import { nanoid } from 'nanoid';
import { rankForIndex, sortRanked } from '#lib/domain/ordering.ts';
import { checkMove, isOverrideValid, type Missing } from '#lib/domain/method/gates.ts';
import type { MethodSettings } from '#lib/domain/method/types.ts';
import { limitBreaches, type LimitBreach, type LiveCard, type WipLimits } from '#lib/domain/method/wip-limits.ts';
import type { Stage } from '#lib/domain/stages.ts';
import { toMethodCard } from './card-sections.ts';
import { moveCard, type GateOverride } from './commands.ts';
import { readCards, type CardView } from './schema.ts';

/** Why a move was refused: the gate's missing criteria, and the live-initiative limits it would break. */
export interface Blockers {
	missing: Missing[];
	limits: LimitBreach[];
}

/** A move is refused when a gate is unmet or a limit full, and no valid override reason came with it. */
export type MoveResult = { moved: true } | ({ moved: false } & Blockers);

/** What a move of `card` to `stage` lacks (empty: the gates let it through). */
export function missingFor(card: CardView, stage: Stage, settings: MethodSettings): Missing[] {
	const check = checkMove(toMethodCard(card.sections), card.stage, stage, settings);
	return check.allowed ? [] : check.missing;
}

export interface MoveRequest {
	card: CardView;
	to: Stage;
	settings: MethodSettings;
	/** The cards on the board and the board's limits of live initiatives (none: no limit checked). */
	wip?: { cards: readonly LiveCard[]; limits: WipLimits };
	/** Who moves, and whether they may force a gate (owners and managers). */
	by: { id: string; canOverride: boolean };
	overrideReason?: string;
}

/**
 * Decides a move against the gates and the limits: allowed as is, allowed with an override to
 * record (a manager's written reason), or refused with what is missing and which limits are full.
 */
export function planMove({
	card,
	to,
	settings,
	wip,
	by,
	overrideReason
}: MoveRequest): { allowed: true; override?: GateOverride } | ({ allowed: false } & Blockers) {
	const missing = missingFor(card, to, settings);
	const limits = wip && card.stage !== to ? limitBreaches(wip.cards, card.id, to, wip.limits) : [];
	if (missing.length === 0 && limits.length === 0) return { allowed: true };
	if (!by.canOverride || !isOverrideValid(overrideReason)) return { allowed: false, missing, limits };
	const record = {
		from: card.stage,
		to,
		reason: (overrideReason ?? '').trim(),
		// Each full limit once: the server checks the override covers the limits it finds full.
		missing: [...missing.map((m) => m.code), ...new Set(limits.map((l) => l.code))],
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
	if (!plan.allowed) return { moved: false, missing: plan.missing, limits: plan.limits };
	moveCard(doc, card.id, to, rankForIndex(column, card.id, index), plan.override);
	return { moved: true };
}

/** The live (unarchived) cards of one stage, in rank order, as a column shows them. */
export function readColumn(doc: Y.Doc, stage: Stage): CardView[] {
	return sortRanked(readCards(doc).filter((c) => c.stage === stage && !c.archived));
}
