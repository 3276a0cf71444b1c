import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { countUnsent } from './unsent.ts';

describe('countUnsent', () => {
	it('counts what was added since the server state, and nothing once the server has it', () => {
		const doc = new Y.Doc();
		doc.getMap('cards').set('a', 'ideas');
		const server = Y.encodeStateVector(doc);
		expect(countUnsent(doc, server)).toBe(0);

		doc.getMap('cards').set('a', 'review');
		doc.getMap('cards').set('b', 'ideas');
		doc.getText('description').insert(0, 'typed offline');
		expect(countUnsent(doc, server)).toBe(3);

		const other = new Y.Doc();
		Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
		expect(countUnsent(doc, Y.encodeStateVector(other))).toBe(0);
	});

	it('counts everything when the server state was never seen', () => {
		const doc = new Y.Doc();
		doc.getText('t').insert(0, 'hello');
		expect(countUnsent(doc, null)).toBe(1);
	});
});
