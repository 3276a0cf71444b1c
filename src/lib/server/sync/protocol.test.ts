import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import {
	BadMessage,
	MESSAGE_AWARENESS,
	MESSAGE_QUERY_AWARENESS,
	MESSAGE_SYNC,
	decodeClientMessage,
	encodeAwareness,
	encodeSyncStep1,
	encodeSyncStep2,
	encodeUpdate,
	isEmptyUpdate
} from './protocol.ts';

/** A document with some content, as a client would hold it. */
function clientDoc(): Y.Doc {
	const doc = new Y.Doc();
	const cards = doc.getMap<Y.Map<unknown>>('cards');
	const card = new Y.Map<unknown>();
	card.set('title', 'Write tests');
	card.set('rank', 'a0');
	cards.set('card-1', card);
	return doc;
}

/** A frame written the way the stock y-websocket client writes it. */
function frame(write: (encoder: encoding.Encoder) => void): Uint8Array {
	const encoder = encoding.createEncoder();
	write(encoder);
	return encoding.toUint8Array(encoder);
}

const withTrailingByte = (bytes: Uint8Array) => Uint8Array.from([...bytes, 0]);

function expectBad(bytes: Uint8Array | number[], message?: RegExp): void {
	const run = () => decodeClientMessage(bytes instanceof Uint8Array ? bytes : Uint8Array.from(bytes));
	expect(run).toThrow(BadMessage);
	if (message) expect(run).toThrow(message);
}

describe('decodeClientMessage: valid frames', () => {
	it('decodes sync step 1 with its state vector', () => {
		const doc = clientDoc();
		const bytes = frame((e) => {
			encoding.writeVarUint(e, MESSAGE_SYNC);
			syncProtocol.writeSyncStep1(e, doc);
		});
		const message = decodeClientMessage(bytes);
		expect(message).toEqual({ kind: 'sync-step1', stateVector: Y.encodeStateVector(doc) });
	});

	it('decodes sync step 2 and a live update as an update carrying the document changes', () => {
		const doc = clientDoc();
		const step2 = frame((e) => {
			encoding.writeVarUint(e, MESSAGE_SYNC);
			syncProtocol.writeSyncStep2(e, doc, new Uint8Array([0]));
		});
		const update = frame((e) => {
			encoding.writeVarUint(e, MESSAGE_SYNC);
			syncProtocol.writeUpdate(e, Y.encodeStateAsUpdate(doc));
		});
		expect(step2[1]).toBe(syncProtocol.messageYjsSyncStep2);
		expect(update[1]).toBe(syncProtocol.messageYjsUpdate);
		for (const bytes of [step2, update]) {
			const message = decodeClientMessage(bytes);
			if (message.kind !== 'update') throw new Error(`decoded as ${message.kind}`);
			const replica = new Y.Doc();
			Y.applyUpdate(replica, message.update);
			expect(replica.getMap('cards').toJSON()).toEqual({ 'card-1': { title: 'Write tests', rank: 'a0' } });
		}
	});

	it('decodes an awareness frame and keeps its payload intact', () => {
		const awareness = new awarenessProtocol.Awareness(new Y.Doc());
		awareness.setLocalState({ user: { name: 'Ada' } });
		const payload = awarenessProtocol.encodeAwarenessUpdate(awareness, [awareness.clientID]);
		const bytes = frame((e) => {
			encoding.writeVarUint(e, MESSAGE_AWARENESS);
			encoding.writeVarUint8Array(e, payload);
		});
		expect(decodeClientMessage(bytes)).toEqual({ kind: 'awareness', update: payload });
		awareness.destroy();
	});

	it('decodes a query-awareness frame', () => {
		expect(decodeClientMessage(Uint8Array.of(MESSAGE_QUERY_AWARENESS))).toEqual({ kind: 'query-awareness' });
	});

	it("reads back the server's own encoders", () => {
		const doc = clientDoc();
		expect(decodeClientMessage(encodeSyncStep1(doc)).kind).toBe('sync-step1');
		expect(decodeClientMessage(encodeSyncStep2(doc, new Uint8Array([0]))).kind).toBe('update');
		expect(decodeClientMessage(encodeUpdate(Y.encodeStateAsUpdate(doc))).kind).toBe('update');
		const awareness = new awarenessProtocol.Awareness(doc);
		expect(decodeClientMessage(encodeAwareness(awareness, [awareness.clientID])).kind).toBe('awareness');
		awareness.destroy();
	});
});

describe('decodeClientMessage: bad frames', () => {
	it('rejects an empty frame', () => {
		expectBad([]);
	});

	it('rejects an unknown message type', () => {
		expectBad([2], /unknown message type 2/);
		expectBad([4], /unknown message type/);
		expectBad([0x80, 0x01], /unknown message type 128/);
	});

	it('rejects an unknown sync step', () => {
		expectBad([MESSAGE_SYNC, 3, 1, 0], /unknown sync step 3/);
	});

	it('rejects a truncated payload', () => {
		const full = encodeUpdate(Y.encodeStateAsUpdate(clientDoc()));
		for (const cut of [1, 2, 3, full.length - 1]) expectBad(full.slice(0, cut));
		expectBad([MESSAGE_SYNC, syncProtocol.messageYjsSyncStep1, 5, 0]); // claims 5 bytes, has 1
		expectBad([MESSAGE_AWARENESS, 10, 1, 2, 3]);
		expectBad([MESSAGE_AWARENESS]);
	});

	it('rejects a varint that overflows (ten 0xff bytes)', () => {
		const overflow = new Array<number>(10).fill(0xff);
		expectBad(overflow);
		expectBad([...overflow, 0x01], /range/i); // terminated, but far beyond 2^53
		expectBad([MESSAGE_SYNC, ...overflow, 0x01], /range/i);
		expectBad([MESSAGE_AWARENESS, ...overflow, 0x01], /range/i);
	});

	it('rejects trailing bytes after every kind of message', () => {
		const doc = clientDoc();
		const awareness = new awarenessProtocol.Awareness(doc);
		const valid = [
			encodeSyncStep1(doc),
			encodeSyncStep2(doc, new Uint8Array([0])),
			encodeUpdate(Y.encodeStateAsUpdate(doc)),
			encodeAwareness(awareness, [awareness.clientID]),
			Uint8Array.of(MESSAGE_QUERY_AWARENESS)
		];
		awareness.destroy();
		for (const bytes of valid) {
			expect(() => decodeClientMessage(bytes)).not.toThrow();
			expectBad(withTrailingByte(bytes), /trailing/);
		}
	});

	it('rejects a sync payload that is not a Yjs structure', () => {
		expectBad([MESSAGE_SYNC, syncProtocol.messageYjsUpdate, 3, 0xff, 0xff, 0xff]);
		expectBad([MESSAGE_SYNC, syncProtocol.messageYjsSyncStep1, 2, 5, 1]);
	});
});

describe('decodeClientMessage: fuzzing', () => {
	/** Decodes, or throws BadMessage; anything else (another error, a hang) fails the property. */
	function decodesOrBadMessage(bytes: Uint8Array): void {
		const started = performance.now();
		try {
			decodeClientMessage(bytes);
		} catch (error) {
			expect(error).toBeInstanceOf(BadMessage);
		}
		expect(performance.now() - started).toBeLessThan(500);
	}

	it('random byte arrays either decode or throw BadMessage', () => {
		fc.assert(fc.property(fc.uint8Array({ maxLength: 256 }), decodesOrBadMessage), { numRuns: 2000 });
	});

	it('random sync payloads behind a valid header either decode or throw BadMessage', () => {
		fc.assert(
			fc.property(fc.constantFrom(0, 1, 2), fc.uint8Array({ maxLength: 256 }), (step, payload) => {
				decodesOrBadMessage(
					frame((e) => {
						encoding.writeVarUint(e, MESSAGE_SYNC);
						encoding.writeVarUint(e, step);
						encoding.writeVarUint8Array(e, payload);
					})
				);
			}),
			{ numRuns: 2000 }
		);
	});

	it('corrupting one byte of a real update frame never escapes as another error', () => {
		const bytes = encodeUpdate(Y.encodeStateAsUpdate(clientDoc()));
		fc.assert(
			fc.property(fc.nat(bytes.length - 1), fc.integer({ min: 0, max: 255 }), (at, value) => {
				const corrupted = Uint8Array.from(bytes);
				corrupted[at] = value;
				decodesOrBadMessage(corrupted);
			}),
			{ numRuns: 1000 }
		);
	});
});

describe('isEmptyUpdate', () => {
	it('recognises the update of a client with nothing new', () => {
		expect(isEmptyUpdate(Y.encodeStateAsUpdate(new Y.Doc()))).toBe(true);
		const doc = clientDoc();
		expect(isEmptyUpdate(Y.encodeStateAsUpdate(doc, Y.encodeStateVector(doc)))).toBe(true);
		expect(isEmptyUpdate(Y.encodeStateAsUpdate(doc))).toBe(false);
		expect(isEmptyUpdate(Uint8Array.of(0))).toBe(false);
	});
});
