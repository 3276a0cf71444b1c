import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Reach } from './integrable.ts';

const decoded = (update: Uint8Array) => Y.decodeUpdate(update);

/** What `doc` gained since `since` (a state vector), as one update. */
function since(doc: Y.Doc, since: Uint8Array): Uint8Array {
	return Y.encodeStateAsUpdate(doc, since);
}

describe('Reach: updates that would stay pending are refused', () => {
	it('admits an update built on what the document has, and one built on an update admitted before it', () => {
		const server = new Y.Doc();
		const client = new Y.Doc();
		client.getText('t').insert(0, 'a');
		const first = Y.encodeStateAsUpdate(client);
		const sv = Y.encodeStateVector(client);
		client.getText('t').insert(1, 'b');
		const reach = new Reach(server);
		expect(reach.admits(decoded(first))).toBe(true);
		expect(reach.admits(decoded(since(client, sv)))).toBe(true);
	});

	it('refuses a gap in the sender’s own clocks', () => {
		const client = new Y.Doc();
		client.getText('t').insert(0, 'a');
		const sv = Y.encodeStateVector(client);
		client.getText('t').insert(1, 'b');
		expect(new Reach(new Y.Doc()).admits(decoded(since(client, sv)))).toBe(false);
	});

	it('refuses an item placed after another client’s item the document lacks', () => {
		const other = new Y.Doc();
		other.getText('t').insert(0, 'x');
		const client = new Y.Doc();
		Y.applyUpdate(client, Y.encodeStateAsUpdate(other));
		const sv = Y.encodeStateVector(client);
		client.getText('t').insert(1, 'y'); // its origin is the other client's 'x'
		expect(new Reach(new Y.Doc()).admits(decoded(since(client, sv)))).toBe(false);
	});

	it('refuses a deletion of items the document lacks', () => {
		const other = new Y.Doc();
		other.getText('t').insert(0, 'xyz');
		const client = new Y.Doc();
		Y.applyUpdate(client, Y.encodeStateAsUpdate(other));
		const sv = Y.encodeStateVector(client);
		client.getText('t').delete(0, 2);
		expect(new Reach(new Y.Doc()).admits(decoded(since(client, sv)))).toBe(false);
		const server = new Y.Doc();
		Y.applyUpdate(server, Y.encodeStateAsUpdate(other));
		expect(new Reach(server).admits(decoded(since(client, sv)))).toBe(true);
	});
});
