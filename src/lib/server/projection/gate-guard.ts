import { checkMove, isOverrideValid } from '#lib/domain/method/gates.ts';
import { stageIndex, type Stage } from '#lib/domain/stages.ts';
import type { MethodSettings } from '#lib/domain/method/types.ts';
import { limitBreaches, type LiveCard, type WipLimits } from '#lib/domain/method/wip-limits.ts';
import { toMethodCard } from '#lib/board/card-sections.ts';
import type { CardView } from '#lib/board/schema.ts';
import type { CollectionRecords } from '#lib/board/sections.ts';

export interface Writer {
	userId: string;
	/** Owners and managers may force a gate (with a written reason). */
	mayOverride: boolean;
}

/**
 * The limits of live initiatives a move of `card` from `from` to where it is now broke, as codes,
 * judged on the board as it is (`board`, this card included) with the card put back where it was.
 */
export function limitCodes(board: readonly LiveCard[], card: CardView, from: Stage, limits: WipLimits): string[] {
	const before = board.map((c) => (c.id === card.id ? { ...c, stage: from } : c));
	return [...new Set(limitBreaches(before, card.id, card.stage, limits).map((b) => b.code))];
}

/**
 * A CRDT cannot refuse a write, so the server checks each move after the fact: one that crossed an
 * unmet gate (forward) or broke a limit of live initiatives (`limits`, any direction) without a
 * valid override by its own writer (a manager) that covers those limits earns a flag on the card.
 * Returns that flag, or null when the move was fine.
 */
export function bypassFlag(
	card: CardView,
	from: Stage,
	settings: MethodSettings,
	writer: Writer,
	now: number,
	limits: readonly string[] = []
): CollectionRecords['flags'] | null {
	const forward = stageIndex(card.stage) > stageIndex(from); // backwards, the gates always allow
	const check = forward ? checkMove(toMethodCard(card.sections), from, card.stage, settings) : null;
	const missing = [...(check && !check.allowed ? check.missing.map((m) => m.code) : []), ...limits];
	if (missing.length === 0) return null;
	const overridden =
		writer.mayOverride &&
		card.sections.overrides.some(
			(o) =>
				o.from === from &&
				o.to === card.stage &&
				o.by === writer.userId &&
				isOverrideValid(o.reason) &&
				limits.every((code) => o.missing.includes(code))
		);
	if (overridden) return null;
	return { from, to: card.stage, missing, by: writer.userId, at: now };
}
