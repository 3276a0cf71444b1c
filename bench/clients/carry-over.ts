import type * as Y from 'yjs';
import { CLOSE } from '../../src/lib/domain/close-codes.ts';
import type { Endpoint } from '../lib/targets.ts';
import { sleep } from '../lib/stats.ts';
import { Wire } from './wire.ts';

/**
 * How long the server may take to answer: it carries its clients' changes over one after the other,
 * each costing copies of the whole document (32 writers on P8's board: 10 to 14 s in all).
 */
const ANSWER_MS = 60_000;
/** While the server still drops its copy of the ended generation, connecting is refused: tried again. */
const RETRY_MS = 100;
export const RETRIES = 50;

/**
 * Follows a new generation of the board as the app does: `doc`, a copy on the ended generation
 * `from`, connects again on that generation and answers the server's sync step 1 with what it holds
 * beyond it (Wire does, by itself). The server carries that over into the new generation, stores
 * it, and closes with carriedOver, the new generation as reason: resolves with that generation.
 */
export async function carryOver(endpoint: Endpoint, boardId: string, doc: Y.Doc, from: number): Promise<number> {
	for (let attempt = 1; attempt <= RETRIES; attempt++) {
		const wire = new Wire(endpoint, boardId, { doc, generation: from, applyFirstSync: false });
		const timeout = sleep(ANSWER_MS).then(() => ({ code: 0, reason: 'no answer' }));
		const { code, reason } = await Promise.race([wire.closed, timeout]);
		await wire.close();
		if (code === CLOSE.carriedOver) return Number(reason);
		if (code !== CLOSE.newGeneration) throw new Error(`carry-over on board ${boardId} failed: ${code} ${reason}`);
		await sleep(RETRY_MS); // the server had not dropped its copy of the ended generation yet
	}
	throw new Error(`carry-over on board ${boardId}: still refused after ${RETRIES} tries`);
}

/** Retries `open` while the server refuses it (its copy of the board is being reloaded for a new generation). */
export async function retried<T>(open: () => Promise<T>): Promise<T> {
	for (let attempt = 1; ; attempt++) {
		try {
			return await open();
		} catch (error) {
			if (attempt >= RETRIES) throw error;
			await sleep(RETRY_MS);
		}
	}
}
