import * as v from 'valibot';
import { m } from '#lib/paraglide/messages.js';
import { CardTitle, LIMITS } from '#lib/domain/validation.ts';

/** What is wrong with a card title, in the user's language, or null when it is fine. */
export function titleError(title: string): string | null {
	if (v.safeParse(CardTitle, title).success) return null;
	return title.trim() === '' ? m.card_title_required() : m.card_title_too_long({ max: LIMITS.title });
}
