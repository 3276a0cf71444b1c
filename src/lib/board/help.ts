import * as v from 'valibot';
import * as Y from 'yjs';
import { ID_PATTERN } from '#lib/domain/validation.ts';
import { getCard } from './schema.ts';

/**
 * The board document's mirror of a card's open help requests: `openHelp`, the ids of the teams asked
 * and not answered yet (replaced whole). Only the server writes it, from the card_event log (the
 * truth); every read validates, so a malformed value shows nothing.
 */

export const OPEN_HELP = 'openHelp';

const TeamIds = v.pipe(v.array(v.pipe(v.string(), v.regex(ID_PATTERN))), v.maxLength(100));

/** The teams asked for help on the card and not answered yet. */
export function cardOpenHelp(doc: Y.Doc, cardId: string): string[] {
	const parsed = v.safeParse(TeamIds, getCard(doc, cardId)?.get(OPEN_HELP));
	return parsed.success ? parsed.output : [];
}

/** Writes the card's open help (server side); false without the card. */
export function putOpenHelp(doc: Y.Doc, cardId: string, teamIds: string[]): boolean {
	const card = getCard(doc, cardId);
	if (!card || !v.safeParse(TeamIds, teamIds).success) return false;
	card.set(OPEN_HELP, [...new Set(teamIds)]);
	return true;
}
