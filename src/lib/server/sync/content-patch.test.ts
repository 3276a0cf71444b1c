import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { learningsTextName } from '#lib/board/card-texts.ts';
import { changeOnCurrent } from './carry-over.ts';
import { freshCopy } from './generations.ts';

/** A board-like document: a `cards` map of card maps, each with a few plain fields and a text. */
function board(): Y.Doc {
	const doc = new Y.Doc();
	doc.transact(() => {
		for (const id of ['one', 'two']) {
			const card = new Y.Map<unknown>();
			card.set('stage', 'ideas');
			card.set('title', id);
			const text = new Y.Text();
			text.insert(0, `about ${id}`);
			card.set('description', text);
			doc.getMap('cards').set(id, card);
		}
	});
	return doc;
}

const cards = (doc: Y.Doc) => doc.getMap('cards').toJSON();
const card = (doc: Y.Doc, id: string) => doc.getMap('cards').get(id) as Y.Map<unknown>;
const text = (doc: Y.Doc, id: string) => card(doc, id).get('description') as Y.Text;

/** `ended`, a client's copy of it changed by `change`, and the current generation made from `ended`. */
function scene(change: (doc: Y.Doc) => void) {
	const ended = board();
	const client = new Y.Doc();
	Y.applyUpdate(client, Y.encodeStateAsUpdate(ended));
	const before = Y.encodeStateVector(client);
	change(client);
	const current = freshCopy(ended);
	return { ended, current, update: Y.encodeStateAsUpdate(client, before) };
}

function carry(s: ReturnType<typeof scene>): void {
	const change = changeOnCurrent(s.ended, s.update, s.current);
	if (change) Y.applyUpdate(s.current, change);
}

describe('carrying changes over to a new generation', () => {
	it('makes the same changes on the new generation: fields, new cards, deletions, text', () => {
		const s = scene((doc) => {
			card(doc, 'one').set('stage', 'review');
			text(doc, 'two').insert(0, 'Pilot: ');
			const added = new Y.Map<unknown>();
			added.set('title', 'three');
			doc.getMap('cards').set('three', added);
			card(doc, 'two').delete('title');
		});
		carry(s);
		expect(cards(s.current)).toEqual({
			one: { stage: 'review', title: 'one', description: 'about one' },
			two: { stage: 'ideas', description: 'Pilot: about two' },
			three: { title: 'three' }
		});
	});

	it('keeps what changed on the new generation meanwhile, and merges edits of one text', () => {
		const s = scene((doc) => {
			text(doc, 'one').insert('about one'.length, ' and more');
			card(doc, 'one').set('title', 'One');
		});
		text(s.current, 'one').insert(0, 'All ');
		card(s.current, 'two').set('stage', 'scope');
		card(s.current, 'one').set('stage', 'objective');
		carry(s);
		expect(cards(s.current)).toEqual({
			one: { stage: 'objective', title: 'One', description: 'All about one and more' },
			two: { stage: 'scope', title: 'two', description: 'about two' }
		});
	});

	it('changes nothing for a client that changed nothing, and leaves deleted cards deleted', () => {
		expect(changeOnCurrent(board(), Y.encodeStateAsUpdate(new Y.Doc()), freshCopy(board()))).toBeNull();
		const s = scene((doc) => card(doc, 'two').set('stage', 'review'));
		s.current.getMap('cards').delete('two');
		carry(s);
		expect(Object.keys(cards(s.current))).toEqual(['one']);
	});

	it('carries the cards’ own texts (root-level, named after the card) over too', () => {
		const s = scene((doc) => doc.getText(learningsTextName('one')).insert(0, 'Ce que nous avons appris'));
		s.current.getText(learningsTextName('one')); // the new generation may hold it empty already
		carry(s);
		expect(s.current.getText(learningsTextName('one')).toString()).toBe('Ce que nous avons appris');
	});
});
