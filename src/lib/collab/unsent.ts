import * as Y from 'yjs';
import type { LocalCopy } from './local-copy.ts';

/**
 * Changes in `doc` that a server holding `serverVector` has not seen: new pieces of content (a
 * typed word, a moved card's fields). y-websocket has no acknowledgement, so "seen" means "in the
 * document when it was last in step with the server". A deletion alone adds nothing to count.
 */
export function countUnsent(doc: Y.Doc, serverVector: Uint8Array | null): number {
	const diff = Y.encodeStateAsUpdate(doc, serverVector ?? undefined);
	return Y.decodeUpdate(diff).structs.filter((s) => !(s instanceof Y.Skip)).length;
}

const RECOUNT_MS = 250;
const SAVE_MS = 1000;

/**
 * Keeps the number of local changes the server lacks. While the connection is in step every update
 * goes out at once, so the server's state is the document's; otherwise the count grows. The last
 * state known to the server is kept in the local copy, so a reload offline still counts right.
 */
export class UnsentChanges {
	#doc: Y.Doc;
	#copy: LocalCopy;
	#inStep: () => boolean;
	#onCount: (count: number) => void;
	#serverVector: Uint8Array | null = null;
	#recount: ReturnType<typeof setTimeout> | null = null;
	#save: ReturnType<typeof setTimeout> | null = null;

	constructor(doc: Y.Doc, copy: LocalCopy, inStep: () => boolean, onCount: (count: number) => void) {
		this.#doc = doc;
		this.#copy = copy;
		this.#inStep = inStep;
		this.#onCount = onCount;
		doc.on('update', this.#changed);
		void copy.readServerVector().then((vector) => {
			if (this.#serverVector || this.#inStep()) return; // a sync came first: it knows better
			this.#serverVector = vector;
			this.#schedule();
		});
	}

	/** The connection has just synced: the server holds everything this document holds. */
	markInStep(): void {
		this.#serverVector = Y.encodeStateVector(this.#doc);
		this.#onCount(0);
		this.#save ??= setTimeout(() => {
			this.#save = null;
			if (this.#serverVector) this.#copy.writeServerVector(this.#serverVector);
		}, SAVE_MS);
	}

	destroy(): void {
		this.#doc.off('update', this.#changed);
		if (this.#recount) clearTimeout(this.#recount);
		if (this.#save) clearTimeout(this.#save);
		if (this.#serverVector) this.#copy.writeServerVector(this.#serverVector);
	}

	#changed = () => {
		if (this.#inStep()) this.markInStep();
		else this.#schedule();
	};

	#schedule() {
		this.#recount ??= setTimeout(() => {
			this.#recount = null;
			this.#onCount(countUnsent(this.#doc, this.#serverVector));
		}, RECOUNT_MS);
	}
}
