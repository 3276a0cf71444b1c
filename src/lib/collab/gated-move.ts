import { nanoid } from 'nanoid';
import { checkMove, isOverrideValid, type Missing } from '#lib/domain/method/gates.ts';
import type { MethodSettings } from '#lib/domain/method/types.ts';
import { limitBreaches, type LimitBreach, type LiveCard, type WipLimits } from '#lib/domain/method/wip-limits.ts';
import type { Stage } from '#lib/domain/stages.ts';
import { toMethodCard } from '#lib/board/card-sections.ts';
import type { GateOverride } from '#lib/board/commands.ts';
import type { CardView } from '#lib/board/schema.ts';

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
