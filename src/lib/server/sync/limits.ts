import * as Y from 'yjs';
import { LIMITS } from '#lib/domain/validation.ts';
import type { DecodedUpdate } from './protocol.ts';

/** A value in an update longer than the forms allow: the door refuses the update (close 4413). */
export class TooLarge extends Error {}

/**
 * The limits the forms apply hold for the document too, checked on the decoded update before it is
 * stored: a card title (a plain value under the key `title`) up to LIMITS.title, any other value and
 * any piece of text (a description typed or pasted) up to LIMITS.description. A description grown
 * past the limit by many small edits is bounded by the socket's byte budget, not refused.
 */
export function checkSizes(update: DecodedUpdate): void {
	for (const struct of update.structs) {
		if (!(struct instanceof Y.Item)) continue;
		const { content, parentSub } = struct;
		if (content instanceof Y.ContentString && content.str.length > LIMITS.description)
			throw new TooLarge(`a text of ${content.str.length} characters`);
		if (!(content instanceof Y.ContentAny)) continue;
		const limit = parentSub === 'title' ? LIMITS.title : LIMITS.description;
		for (const value of content.arr) {
			const size = typeof value === 'string' ? value.length : (JSON.stringify(value)?.length ?? 0);
			if (size > limit) throw new TooLarge(`a ${parentSub ?? 'value'} of ${size} characters`);
		}
	}
}
