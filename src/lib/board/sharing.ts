import * as v from 'valibot';
import type * as Y from 'yjs';
import { OrganizationName } from '#lib/domain/validation.ts';
import { getCard } from './schema.ts';

/**
 * Who outside the organisation sees a card: nobody, every guest of the organisation, or the guests
 * of chosen companies. Stored on the card as one plain value (last writer wins), the audience list
 * the projection copies into `card.shared_with`: [] for nobody, ["*"] for every guest, else company
 * names. Validated on read, so a malformed value shares with nobody.
 */

export const SHARED_WITH = 'sharedWith';
export const ALL_GUESTS = '*';
/** More companies than any small business works with, few enough to keep the value small. */
export const MAX_SHARED_COMPANIES = 50;

export type Sharing = { mode: 'none' } | { mode: 'all' } | { mode: 'companies'; companies: string[] };
export const NOT_SHARED: Sharing = { mode: 'none' };

const Companies = v.pipe(v.array(OrganizationName), v.maxLength(MAX_SHARED_COMPANIES));

/** A stored audience (from the document or the projection's JSON) as a clean list; [] when malformed. */
export function parseAudience(value: unknown): string[] {
	if (!Array.isArray(value)) return [];
	if (value.includes(ALL_GUESTS)) return [ALL_GUESTS];
	const parsed = v.safeParse(Companies, value);
	return parsed.success ? [...new Set(parsed.output)] : [];
}

export function toSharing(audience: readonly string[]): Sharing {
	if (audience.includes(ALL_GUESTS)) return { mode: 'all' };
	return audience.length > 0 ? { mode: 'companies', companies: [...audience] } : NOT_SHARED;
}

export function toAudience(sharing: Sharing): string[] {
	if (sharing.mode === 'all') return [ALL_GUESTS];
	return sharing.mode === 'companies' ? parseAudience(sharing.companies) : [];
}

export function readSharing(card: Y.Map<unknown>): Sharing {
	return toSharing(parseAudience(card.get(SHARED_WITH)));
}

/** The sharing of a card of `doc` (nobody's when the card does not exist). */
export function cardSharing(doc: Y.Doc, cardId: string): Sharing {
	const card = getCard(doc, cardId);
	return card ? readSharing(card) : NOT_SHARED;
}

/** Sets who sees the card; companies are cleaned (trimmed, deduplicated), none left means nobody. */
export function setSharing(doc: Y.Doc, cardId: string, sharing: Sharing): void {
	const card = getCard(doc, cardId);
	if (!card) return;
	const audience = toAudience(sharing);
	if (audience.length === 0) {
		if (card.has(SHARED_WITH)) card.delete(SHARED_WITH);
	} else if (JSON.stringify(card.get(SHARED_WITH)) !== JSON.stringify(audience)) card.set(SHARED_WITH, audience);
}

/** Whether a guest of `company` (null: a guest without one) is in the audience. */
export function isSharedWith(audience: readonly string[], company: string | null): boolean {
	return audience.includes(ALL_GUESTS) || (company !== null && audience.includes(company));
}
