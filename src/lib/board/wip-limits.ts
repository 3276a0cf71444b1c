import * as v from 'valibot';
import type * as Y from 'yjs';
import { isConcluded } from '#lib/domain/method/status.ts';
import { NO_WIP_LIMITS, WipLimitsInput, type LiveCard, type WipLimits } from '#lib/domain/method/wip-limits.ts';
import { settingsMap } from './board-settings.ts';
import { toMethodCard } from './card-sections.ts';
import type { CardView } from './schema.ts';

/** Key of the limits among the board's settings (in the feed: only the server writes them). */
const WIP_LIMITS = 'wipLimits';

export function readWipLimits(feed: Y.Doc): WipLimits {
	const parsed = v.safeParse(WipLimitsInput, settingsMap(feed).get(WIP_LIMITS));
	return parsed.success ? parsed.output : NO_WIP_LIMITS;
}

export function writeWipLimits(feed: Y.Doc, limits: WipLimits): void {
	const map = settingsMap(feed);
	// Stored whole (a plain object): compared as text so that saving the same limits writes nothing.
	if (JSON.stringify(map.get(WIP_LIMITS) ?? null) === JSON.stringify(limits)) return;
	map.set(WIP_LIMITS, limits);
}

/** The cards on the board (archived ones are off it), as the limits count them. */
export function liveCards(cards: Iterable<CardView>): LiveCard[] {
	const live: LiveCard[] = [];
	for (const card of cards) {
		if (card.archived) continue;
		const { teamId, contributingTeamIds } = card.sections;
		live.push({
			id: card.id,
			stage: card.stage,
			teamIds: teamId ? [teamId, ...contributingTeamIds] : contributingTeamIds,
			concluded: isConcluded(toMethodCard(card.sections))
		});
	}
	return live;
}
