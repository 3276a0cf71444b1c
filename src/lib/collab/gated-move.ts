import { nanoid } from 'nanoid';
import { checkMove, isOverrideValid, type Missing } from '#lib/domain/method/gates.ts';
import type { MethodSettings } from '#lib/domain/method/types.ts';
import type { Stage } from '#lib/domain/stages.ts';
import { toMethodCard } from '#lib/board/card-sections.ts';
import type { GateOverride } from '#lib/board/commands.ts';
import type { CardView } from '#lib/board/schema.ts';

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
