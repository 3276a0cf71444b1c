import * as v from 'valibot';
import type { CardView } from '#lib/board/schema.ts';
import { progress } from '#lib/domain/method/progress.ts';
import type { IsoDate } from '#lib/domain/method/types.ts';
import { GUEST_CHECK_INS, GuestViewSchema, type GuestView } from '#lib/domain/guest-view.ts';

/**
 * What a guest may see of a card, and nothing else: its title, the objective's numbers, its stage
 * and current rollout phase, its progress, and the check-ins marked for guests. Built field by field
 * (never by copying and deleting), so whatever the card gains later stays internal until added here.
 * Never: the description, comments, resources, people, other cards, internal notes.
 */

/** The guest-safe view of a card, as of `today` (which rollout phase is running). */
export function guestView(card: CardView, today: IsoDate): GuestView {
	const { objective, phases, checkIns } = card.sections;
	const latest = checkIns.at(-1);
	const phase = card.stage === 'rollout' ? (phases.findLast((p) => p.start <= today) ?? phases[0]) : undefined;
	return {
		title: card.title,
		stage: card.stage,
		phase: phase?.name ?? null,
		objective: {
			metric: objective.metric ?? null,
			unit: objective.unit ?? null,
			direction: objective.direction,
			baseline: objective.baseline ?? null,
			target: objective.target ?? null,
			deadline: objective.deadline ?? null
		},
		progress: latest ? progress(objective, latest.value) : null,
		checkIns: checkIns
			.filter((c) => c.shared === true)
			.reverse()
			.slice(0, GUEST_CHECK_INS)
			.map(({ date, value, confidence, note }) => ({ date, value, confidence, note }))
	};
}

/** The card's projection columns for guests: nobody sees an archived card, nor an unshared one. */
export function guestColumns(
	card: CardView,
	audience: readonly string[],
	today: IsoDate
): { shared_with: string; guest_view: string } {
	if (card.archived || audience.length === 0) return { shared_with: '[]', guest_view: '{}' };
	return { shared_with: JSON.stringify(audience), guest_view: JSON.stringify(guestView(card, today)) };
}

/** A stored guest view, read back through the same whitelist (anything else is dropped); null when malformed. */
export function parseGuestView(json: string): GuestView | null {
	try {
		const parsed = v.safeParse(GuestViewSchema, JSON.parse(json));
		return parsed.success ? parsed.output : null;
	} catch {
		return null;
	}
}
