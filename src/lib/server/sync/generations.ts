import * as Y from 'yjs';
import { remapDocument } from '../transfer/remap.ts';

/** A new generation starts once the stored history outweighs the content: stored > 2 × a fresh encoding. */
export const HISTORY_RATIO = 2;
/** Below this stored size a board is never renewed: history is cheap there (RENEW_MIN_BYTES). */
export const RENEW_MIN_BYTES = 64 * 1024;
/** How long an ended generation is kept, for restore and for offline clients coming back (GENERATION_KEEP_DAYS). */
export const GENERATION_KEEP_DAYS = 30;

/** The document's content without its history: what a new generation starts from. */
export function freshCopy(doc: Y.Doc): Y.Doc {
	return remapDocument(doc, new Map());
}

/**
 * Says, after a compaction, whether a board's history outweighs its content. Measuring the content
 * means copying the document, so it is measured again only once the stored size has grown past what
 * the last measure allowed.
 */
export class GenerationPolicy {
	#minBytes: number;
	/** Per board, the content's size when last measured. */
	#content = new Map<string, number>();

	constructor(minBytes = RENEW_MIN_BYTES) {
		this.#minBytes = minBytes;
	}

	due(boardId: string, storedBytes: number, doc: Y.Doc): boolean {
		if (storedBytes < this.#minBytes) return false;
		const known = this.#content.get(boardId);
		if (known !== undefined && storedBytes <= HISTORY_RATIO * known) return false;
		const copy = freshCopy(doc);
		const content = Y.encodeStateAsUpdate(copy).length;
		copy.destroy();
		this.#content.set(boardId, content);
		return storedBytes > HISTORY_RATIO * content;
	}

	forget(boardId: string): void {
		this.#content.delete(boardId);
	}
}
