import * as v from 'valibot';
import * as Y from 'yjs';
import { ID_PATTERN } from '#lib/domain/validation.ts';
import { feedCard } from './feed.ts';
import { getCard } from './schema.ts';

/**
 * The feed's mirror of a card's open help requests (see feed.ts): `openHelp`, the ids of the teams
 * asked and not answered yet (replaced whole). Only the server writes it, from the card_event log
 * (the truth); every read validates, so a malformed value shows nothing. `doc` is the board's feed.
 */

export const OPEN_HELP = 'openHelp';

const TeamIds = v.pipe(v.array(v.pipe(v.string(), v.regex(ID_PATTERN))), v.maxLength(100));

/** The teams asked for help on the card and not answered yet. */
export function cardOpenHelp(doc: Y.Doc, cardId: string): string[] {
	const parsed = v.safeParse(TeamIds, getCard(doc, cardId)?.get(OPEN_HELP));
	return parsed.success ? parsed.output : [];
}

/** Writes the card's open help (server side); false when malformed. Writes nothing when unchanged. */
export function putOpenHelp(feed: Y.Doc, cardId: string, teamIds: string[]): boolean {
	if (!v.safeParse(TeamIds, teamIds).success) return false;
	const open = [...new Set(teamIds)];
	if (JSON.stringify(cardOpenHelp(feed, cardId)) === JSON.stringify(open)) return true;
	feed.transact(() => feedCard(feed, cardId).set(OPEN_HELP, open));
	return true;
}
