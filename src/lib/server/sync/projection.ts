import * as Y from 'yjs';
import { cardsMap, getCard, readCard } from '#lib/board/schema.ts';
import type { Db } from '../db/open.ts';

/**
 * Keeps the relational `card` rows (what search, stand-ups and the guest portal read) in step with a
 * board document. Collects the ids of cards touched by each change; `flush` writes them in one go.
 */
export class CardProjection {
	#db: Db;
	#boardId: string;
	#doc: Y.Doc;
	#dirty = new Set<string>();

	constructor(db: Db, boardId: string, doc: Y.Doc) {
		this.#db = db;
		this.#boardId = boardId;
		this.#doc = doc;
		cardsMap(doc).observeDeep(this.#collect);
	}

	#collect = (events: Y.YEvent<Y.AbstractType<unknown>>[]): void => {
		for (const event of events) {
			const [first] = event.path;
			if (typeof first === 'string') this.#dirty.add(first);
			else if (event.target === cardsMap(this.#doc)) for (const key of event.keys.keys()) this.#dirty.add(key);
		}
	};

	/** Rewrites every card of the board (at load: heals any drift). */
	async rebuild(): Promise<void> {
		for (const id of cardsMap(this.#doc).keys()) this.#dirty.add(id);
		await this.flush();
	}

	async flush(): Promise<void> {
		if (this.#dirty.size === 0) return;
		const ids = [...this.#dirty];
		this.#dirty.clear();
		const now = Date.now();
		await this.#db.transaction().execute(async (trx) => {
			for (const id of ids) {
				const map = getCard(this.#doc, id);
				const card = map ? readCard(map) : null;
				if (!card || card.id !== id) {
					await trx.deleteFrom('card').where('id', '=', id).where('board_id', '=', this.#boardId).execute();
					continue;
				}
				const row = {
					title: card.title,
					stage: card.stage,
					rank: card.rank,
					archived: card.archived ? 1 : 0,
					updated_at: now
				};
				await trx
					.insertInto('card')
					.values({ id, board_id: this.#boardId, ...row })
					.onConflict((oc) => oc.column('id').doUpdateSet(row).where('card.board_id', '=', this.#boardId))
					.execute();
			}
		});
	}
}
