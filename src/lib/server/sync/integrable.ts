import * as Y from 'yjs';
import type { DecodedUpdate } from './protocol.ts';

/**
 * Whether updates can integrate into a document at once, checked before they are stored. An update
 * whose items follow a gap in their client's clocks, or point at items (origins, parents) or
 * deletions the document does not have, would stay pending inside Yjs for good: stored, it would be
 * retried on every later update of the board and on every load. Cheap: it reads the update's structs
 * and the document's state per client, never copies the document.
 *
 * One `Reach` serves a run of updates checked in order before any is applied: what the accepted ones
 * add counts for the next.
 */
export class Reach {
	#doc: Y.Doc;
	/** Clocks reached by the updates accepted so far (not yet in the document). */
	#accepted = new Map<number, number>();

	constructor(doc: Y.Doc) {
		this.#doc = doc;
	}

	/** True when `update` integrates on top of the document and the updates accepted before it. */
	admits(update: DecodedUpdate): boolean {
		const reached = new Map<number, number>();
		const next = (client: number) => Math.max(this.#next(client), reached.get(client) ?? 0);
		// Structs come grouped by client, in clock order; a Skip is a hole the document must already fill.
		for (const struct of update.structs) {
			const { client, clock } = struct.id;
			if (struct instanceof Y.Skip) continue;
			if (clock > next(client)) return false;
			reached.set(client, Math.max(reached.get(client) ?? 0, clock + struct.length));
		}
		for (const struct of update.structs) {
			if (!(struct instanceof Y.Item)) continue;
			for (const id of [struct.origin, struct.rightOrigin, struct.parent])
				if (id instanceof Y.ID && id.client !== struct.id.client && id.clock >= next(id.client)) return false;
		}
		for (const [client, ranges] of update.ds.clients)
			for (const { clock, len } of ranges) if (clock + len > next(client)) return false;
		for (const [client, clock] of reached) this.#accepted.set(client, Math.max(this.#next(client), clock));
		return true;
	}

	#next(client: number): number {
		return Math.max(Y.getState(this.#doc.store, client), this.#accepted.get(client) ?? 0);
	}
}
