import { simpleDiffString } from 'lib0/diff';
import * as Y from 'yjs';
import { cardOfText } from '#lib/board/card-texts.ts';
import { cardsMap } from '#lib/board/schema.ts';
import { copyType } from '../transfer/remap.ts';

const NO_IDS: ReadonlyMap<string, string> = new Map();

/**
 * Re-applies what changed from `before` to `after` onto `target`, a different document holding the
 * same content under other Yjs identities (a later generation of the board): by map key for maps,
 * by position for texts. What the change did not touch is left as `target` has it, so changes made
 * to `target` meanwhile are kept; something deleted there stays deleted even if edited here.
 * The board's top level holds maps, and the cards' texts (see card-texts.ts).
 */
export function patchContent(before: Y.Doc, after: Y.Doc, target: Y.Doc): void {
	for (const name of after.share.keys()) {
		const cardId = cardOfText(name);
		if (cardId === null) patchMap(before.getMap(name), after.getMap(name), target.getMap(name));
		// A deleted card's texts stay deleted with it.
		else if (cardsMap(target).has(cardId))
			patchText(
				before.share.has(name) ? before.getText(name).toString() : '',
				after.getText(name).toString(),
				target.getText(name)
			);
	}
}

function patchMap(before: Y.Map<unknown> | null, after: Y.Map<unknown>, target: Y.Map<unknown>): void {
	const keys = new Set([...(before?.keys() ?? []), ...after.keys()]);
	for (const key of keys) {
		const was = before?.get(key);
		const now = after.get(key);
		const there = target.get(key);
		if (now === undefined) {
			if (was !== undefined) target.delete(key);
		} else if (now instanceof Y.Map && there instanceof Y.Map) {
			patchMap(was instanceof Y.Map ? was : null, now, there);
		} else if (now instanceof Y.Text && there instanceof Y.Text) {
			patchText(was instanceof Y.Text ? was.toString() : '', now.toString(), there);
		} else if (now instanceof Y.AbstractType) {
			// New here, or changed into another kind; something the target deleted meanwhile stays deleted.
			if (was === undefined || (there !== undefined && !sameContent(was, now))) target.set(key, copyType(now, NO_IDS));
		} else if (!sameContent(was, now)) target.set(key, now);
	}
}

/** The edit from `base` to `mine`, applied to a text that may have moved on from `base` meanwhile. */
function patchText(base: string, mine: string, target: Y.Text): void {
	if (base === mine) return;
	const theirs = target.toString();
	const merged = theirs === base ? mine : mergeTexts(base, mine, theirs);
	const { index, remove, insert } = simpleDiffString(theirs, merged);
	if (remove > 0) target.delete(index, remove);
	if (insert) target.insert(index, insert);
}

/** A three-way merge of two edits of `base`, by Yjs itself: each edit made by its own client, then merged. */
function mergeTexts(base: string, mine: string, theirs: string): string {
	const root = new Y.Doc();
	root.getText().insert(0, base);
	const state = Y.encodeStateAsUpdate(root);
	const edits = [mine, theirs].map((text) => {
		const doc = new Y.Doc();
		Y.applyUpdate(doc, state);
		const { index, remove, insert } = simpleDiffString(base, text);
		doc.getText().delete(index, remove);
		doc.getText().insert(index, insert);
		return Y.encodeStateAsUpdate(doc, Y.encodeStateVector(root));
	});
	for (const edit of edits) Y.applyUpdate(root, edit);
	return root.getText().toString();
}

function sameContent(a: unknown, b: unknown): boolean {
	const plain = (value: unknown) => (value instanceof Y.AbstractType ? value.toJSON() : value);
	return JSON.stringify(plain(a)) === JSON.stringify(plain(b));
}
