import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { TextBinding, type TextField } from './text-binding.ts';
import { diffAroundCursor } from './text-diff.ts';

/** A textarea stand-in: typing edits the value at the caret, like a browser, then fires input. */
class FakeTextarea implements TextField {
	value = '';
	selectionStart: number | null = 0;
	selectionEnd: number | null = 0;
	binding: TextBinding | null = null;

	setSelectionRange(start: number, end: number) {
		this.selectionStart = start;
		this.selectionEnd = end;
	}
	caret(at: number) {
		this.setSelectionRange(at, at);
	}
	type(text: string) {
		const start = this.selectionStart ?? 0;
		this.value = this.value.slice(0, start) + text + this.value.slice(this.selectionEnd ?? start);
		this.caret(start + text.length);
		this.binding?.localInput();
	}
	backspace() {
		const start = this.selectionStart ?? 0;
		this.value = this.value.slice(0, start - 1) + this.value.slice(start);
		this.caret(start - 1);
		this.binding?.localInput();
	}
}

/** Two people on one card, each with a doc, a field and a binding; updates wait until `sync()`. */
function twoPeople(initial: string) {
	const docs = [new Y.Doc(), new Y.Doc()] as const;
	docs[0].getText('t').insert(0, initial);
	Y.applyUpdate(docs[1], Y.encodeStateAsUpdate(docs[0]));
	const fields = docs.map((doc) => {
		const field = new FakeTextarea();
		field.binding = new TextBinding(doc.getText('t'), field);
		return field;
	});
	const sync = () => {
		const [a, b] = docs;
		const toB = Y.encodeStateAsUpdate(a, Y.encodeStateVector(b));
		const toA = Y.encodeStateAsUpdate(b, Y.encodeStateVector(a));
		Y.applyUpdate(b, toB, 'remote');
		Y.applyUpdate(a, toA, 'remote');
	};
	return { docs, fields: fields as [FakeTextarea, FakeTextarea], sync };
}

describe('TextBinding', () => {
	it('keeps both words when two people type at the same moment', () => {
		const { docs, fields, sync } = twoPeople('Objectif : ventes.');
		const [ana, ben] = fields;
		ana.caret(11);
		ana.type('doubler les ');
		ben.caret(18);
		ben.type(' Mesurer chaque semaine.');
		sync();

		const expected = 'Objectif : doubler les ventes. Mesurer chaque semaine.';
		expect(docs[0].getText('t').toString()).toBe(expected);
		expect(docs[1].getText('t').toString()).toBe(expected);
		expect(ana.value).toBe(expected);
		expect(ben.value).toBe(expected);
		// Each caret stays right after what its owner typed.
		expect(ana.selectionEnd).toBe(11 + 'doubler les '.length);
		expect(ben.selectionEnd).toBe(expected.length);
	});

	it('keeps each word whole when both type at the same spot, syncing mid-word', () => {
		const { docs, fields, sync } = twoPeople('[]');
		const [ana, ben] = fields;
		ana.caret(1);
		ben.caret(1);
		const words = ['pomme ', 'poire ']; // same length: they type in lockstep
		for (let i = 0; i < words[0]!.length; i++) {
			ana.type(words[0]![i]!);
			ben.type(words[1]![i]!);
			if (i % 2 === 1) sync();
		}
		sync();
		const text = docs[0].getText('t').toString();
		expect(docs[1].getText('t').toString()).toBe(text);
		expect(ana.value).toBe(text);
		expect(ben.value).toBe(text);
		expect(text).toContain('pomme ');
		expect(text).toContain('poire ');
		expect(text.length).toBe(2 + 12);
	});

	it('turns a deletion and a replaced selection into minimal Y.Text operations', () => {
		const { docs, fields, sync } = twoPeople('Hello world');
		const [ana, ben] = fields;
		ana.caret(5);
		ana.backspace();
		ana.setSelectionRange(5, 10);
		ana.type('there');
		ben.caret(0);
		ben.type('» ');
		sync();
		expect(docs[1].getText('t').toString()).toBe('» Hell there');
		expect(ben.selectionEnd).toBe(2);
	});

	it('merges a composition (dead key, IME) with edits that arrive while it is open', () => {
		const { fields, sync } = twoPeople('fte');
		const [ana, ben] = fields;
		ana.caret(1);
		ana.binding?.compositionStart();
		ana.value = 'f^te';
		ben.caret(0);
		ben.type('La ');
		sync(); // arrives mid-composition: Ana's field must not be rewritten yet
		expect(ana.value).toBe('f^te');
		ana.value = 'fête';
		ana.caret(2);
		ana.binding?.compositionEnd();
		sync();
		expect(ana.value).toBe('La fête');
		expect(ben.value).toBe('La fête');
		expect(ana.selectionEnd).toBe(5);
	});
});

describe('diffAroundCursor', () => {
	it('anchors an edit in repeated text at the caret', () => {
		expect(diffAroundCursor('aa', 'aaa', 2)).toEqual({ index: 1, remove: 0, insert: 'a' });
		expect(diffAroundCursor('abc', 'ac', 1)).toEqual({ index: 1, remove: 1, insert: '' });
		expect(diffAroundCursor('same', 'same', 2)).toBeNull();
	});

	it('never splits an emoji', () => {
		expect(diffAroundCursor('a😀', 'a😃', 3)).toEqual({ index: 1, remove: 2, insert: '😃' });
	});
});
