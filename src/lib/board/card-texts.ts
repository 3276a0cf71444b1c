import * as Y from 'yjs';
import type { Actor } from '#lib/domain/method/types.ts';

/**
 * A card's prose (micro-environment notes per actor, learnings) lives in root-level texts of the
 * board document, named after the card: Yjs merges root types by name, so two people creating the
 * same text at once share it, where two nested texts created at once would lose one of them.
 * They outlive their card (a root type cannot be removed); a copy of the document (remap.ts) leaves
 * behind the texts of cards it no longer holds.
 */

const NAME = /^(?:micro:([A-Za-z0-9_-]+):[a-z]+|learnings:([A-Za-z0-9_-]+))$/;

export function microTextName(cardId: string, actor: Actor): string {
	return `micro:${cardId}:${actor}`;
}

export function learningsTextName(cardId: string): string {
	return `learnings:${cardId}`;
}

/** The card a root-level text belongs to; null for a name that is not a card's text (a map: cards, settings…). */
export function cardOfText(name: string): string | null {
	const match = NAME.exec(name);
	return match ? (match[1] ?? match[2] ?? null) : null;
}

/** The same text's name for the card's new id (a copy under new ids). */
export function renameCardText(name: string, cardId: string): string {
	const old = cardOfText(name);
	return old === null ? name : name.replace(`:${old}`, `:${cardId}`);
}

/** Each root type's name (Yjs keeps none on the type); one Yjs converts to Y.Text is a new object, found again. */
const names = new WeakMap<object, string>();

function rootName(doc: Y.Doc, type: object): string | null {
	const known = names.get(type);
	if (known !== undefined) return known;
	for (const [name, shared] of doc.share)
		if (shared === type) {
			names.set(type, name);
			return name;
		}
	return null;
}

/**
 * Calls `listener` after each transaction that changed a card's texts, with those cards' ids. The
 * texts are outside the `cards` map: its deep observers do not see them.
 */
export function observeCardTexts(
	doc: Y.Doc,
	listener: (cardIds: Set<string>, transaction: Y.Transaction) => void
): () => void {
	const after = (transaction: Y.Transaction) => {
		const ids = new Set<string>();
		for (const type of transaction.changed.keys()) {
			if (type._item !== null) continue;
			const name = rootName(doc, type);
			const id = name === null ? null : cardOfText(name);
			if (id !== null) ids.add(id);
		}
		if (ids.size > 0) listener(ids, transaction);
	};
	doc.on('afterTransaction', after);
	return () => doc.off('afterTransaction', after);
}
