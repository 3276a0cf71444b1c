import { checkMove, isOverrideValid } from '#lib/domain/method/gates.ts';
import { stageIndex, type Stage } from '#lib/domain/stages.ts';
import type { MethodSettings } from '#lib/domain/method/types.ts';
import { toMethodCard } from '#lib/board/card-sections.ts';
import type { CardView } from '#lib/board/schema.ts';
import type { CollectionRecords } from '#lib/board/sections.ts';

export interface Writer {
	userId: string;
	/** Owners and managers may force a gate (with a written reason). */
	mayOverride: boolean;
}

/**
 * A CRDT cannot refuse a write, so the server checks each forward move after the fact: one that
 * crossed an unmet gate without a valid override by its own writer (a manager) earns a flag on
 * the card. Returns that flag, or null when the move was fine.
 */
export function bypassFlag(
	card: CardView,
	from: Stage,
	settings: MethodSettings,
	writer: Writer,
	now: number
): CollectionRecords['flags'] | null {
	if (stageIndex(card.stage) <= stageIndex(from)) return null; // backwards is always allowed
	const check = checkMove(toMethodCard(card.sections), from, card.stage, settings);
	if (check.allowed) return null;
	const overridden =
		writer.mayOverride &&
		card.sections.overrides.some(
			(o) => o.from === from && o.to === card.stage && o.by === writer.userId && isOverrideValid(o.reason)
		);
	if (overridden) return null;
	return { from, to: card.stage, missing: check.missing.map((m) => m.code), by: writer.userId, at: now };
}
