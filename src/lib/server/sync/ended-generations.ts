import * as Y from 'yjs';
import type { Db } from '../db/open.ts';
import { readGeneration, rememberCarried } from './generation-store.ts';

const KEEP_MS = 60_000;

/**
 * The ended generations clients are being carried over from (carry-over.ts), each decoded once and
 * kept in memory a minute after its last use: when a board starts a new generation, all its clients
 * come back at once, and each would otherwise decode the whole archive again.
 */
export class EndedGenerations {
	#db: Db;
	#kept = new Map<string, { doc: Promise<Y.Doc | null>; timer: ReturnType<typeof setTimeout> }>();

	constructor(db: Db) {
		this.#db = db;
	}

	/** The ended generation as archived, with what was carried over from it since (null: not kept). */
	get(boardId: string, generation: number): Promise<Y.Doc | null> {
		const key = `${boardId}@${generation}`;
		const kept = this.#kept.get(key);
		if (kept) clearTimeout(kept.timer);
		const doc = kept?.doc ?? readGeneration(this.#db, boardId, generation);
		const timer = setTimeout(() => this.#forget(key), KEEP_MS);
		timer.unref();
		this.#kept.set(key, { doc, timer });
		return doc;
	}

	/** Adds what a client carried over, in memory and in the archive, so carrying it again adds nothing. */
	async remember(boardId: string, generation: number, update: Uint8Array): Promise<void> {
		const doc = await this.get(boardId, generation);
		if (doc) Y.applyUpdate(doc, update);
		await rememberCarried(this.#db, boardId, generation, update);
	}

	close(): void {
		for (const key of [...this.#kept.keys()]) this.#forget(key);
	}

	#forget(key: string): void {
		const kept = this.#kept.get(key);
		if (!kept) return;
		clearTimeout(kept.timer);
		this.#kept.delete(key);
		void kept.doc.then(
			(doc) => doc?.destroy(),
			() => undefined
		);
	}
}
