import * as v from 'valibot';
import { isId } from '#lib/domain/validation.ts';

const CardTime = v.object({
	cardId: v.custom<string>(isId),
	// A visit longer than an hour is a forgotten tab, not a discussion.
	seconds: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(3600))
});

/** `{"cardId", "seconds"}` sent by the facilitator's timer, or null when malformed. */
export function parseCardTime(json: unknown): { cardId: string; seconds: number } | null {
	if (typeof json !== 'string') return null;
	try {
		const parsed = v.safeParse(CardTime, JSON.parse(json));
		return parsed.success ? parsed.output : null;
	} catch {
		return null;
	}
}
