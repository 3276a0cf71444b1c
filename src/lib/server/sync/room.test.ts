import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';
import { openTempDatabase, type TempDatabase } from '../../../../tests/factories/db.ts';
import { newId } from '../ids.ts';
import { Room, type Origin, type Peer } from './room.ts';
import { BoardStore } from './store.ts';

let temp: TempDatabase;
let store: BoardStore;
let boardId: string;
let organizationId: string;

beforeAll(async () => {
	temp = await openTempDatabase('bouture-room-');
	store = new BoardStore(temp.db);
	organizationId = newId();
	await temp.db
		.insertInto('organization')
		.values({ id: organizationId, name: 'Org', created_at: Date.now() })
		.execute();
});

/** Each test on a board of its own: rooms start from an empty log. */
beforeEach(async () => {
	const now = Date.now();
	boardId = newId();
	await temp.db
		.insertInto('board')
		.values({ id: boardId, organization_id: organizationId, name: 'Board', created_at: now, updated_at: now })
		.execute();
});

afterAll(() => temp.dispose());

function listener(): Peer & { frames: Uint8Array[]; closed: number[] } {
	const frames: Uint8Array[] = [];
	const closed: number[] = [];
	return {
		userId: 'u',
		name: 'U',
		color: '#123456',
		readOnly: false,
		frames,
		closed,
		send: (f) => void frames.push(f),
		close: (code) => void closed.push(code)
	};
}

function room(doc = new Y.Doc(), options: { onApplied?: (r: Room, o: readonly Origin[]) => void } = {}): Room {
	const lastSeq = 0;
	return new Room({
		boardId,
		kind: 'board',
		doc,
		lastSeq,
		generation: 0,
		store,
		onApplied: options.onApplied ?? (() => {}),
		onBroken: () => {}
	});
}

const askEverything = { kind: 'sync-step1', stateVector: Y.encodeStateVector(new Y.Doc()) } as const;

/** A client's update message, as the protocol decodes it. */
function updateMessage(update: Uint8Array) {
	return { kind: 'update', update, decoded: Y.decodeUpdate(update) } as const;
}

describe('Room', () => {
	it('sends the updates of one stored run to the other peers as one merged update', async () => {
		const r = room();
		const [writer, other, reader] = [listener(), listener(), listener()];
		for (const peer of [writer, other, reader]) r.join(peer);
		const sentBefore = reader.frames.length;
		const [mine, theirs] = [new Y.Doc(), new Y.Doc()];
		for (let i = 0; i < 5; i++) {
			const source = i % 2 === 0 ? mine : theirs;
			const before = Y.encodeStateVector(source);
			source.getArray<number>(`list-${i % 2}`).push([i]);
			r.receive(i % 2 === 0 ? writer : other, updateMessage(Y.encodeStateAsUpdate(source, before)));
		}
		await r.flush();

		const received = reader.frames.slice(sentBefore);
		expect(received).toHaveLength(1);
		const frame = decoding.createDecoder(received[0] as Uint8Array);
		expect([decoding.readVarUint(frame), decoding.readVarUint(frame)]).toEqual([0, 2]); // sync, update
		const fromFrame = new Y.Doc();
		Y.applyUpdate(fromFrame, decoding.readVarUint8Array(frame));
		expect(fromFrame.getArray('list-0').toArray()).toEqual([0, 2, 4]);
		expect(fromFrame.getArray('list-1').toArray()).toEqual([1, 3]);
	});

	it('works through a long queue in slices, letting the event loop run in between', async () => {
		const r = room();
		const source = new Y.Doc();
		const peers = Array.from({ length: 300 }, listener);
		let appliedAtTurn: number | null = null;
		setImmediate(() => (appliedAtTurn = r.doc.getArray('list').length));
		// A crowd joining and writing: sync requests and updates in turn, each update its own run.
		for (const [i, peer] of peers.entries()) {
			r.join(peer);
			r.receive(peer, askEverything);
			const before = Y.encodeStateVector(source);
			source.getArray<number>('list').push([i]);
			r.receive(peer, updateMessage(Y.encodeStateAsUpdate(source, before)));
		}
		await r.flush();
		expect(r.doc.getArray('list').length).toBe(300);
		expect(appliedAtTurn).not.toBeNull();
		expect(appliedAtTurn).toBeLessThan(300);
	});

	it('encodes the whole board once per version for clients that have nothing, whatever its size', async () => {
		const doc = new Y.Doc();
		doc.getText('notes').insert(0, 'a small board');
		const r = room(doc);
		const peer = listener();
		r.join(peer);
		r.receive(peer, askEverything);
		r.receive(peer, askEverything);
		await r.flush();
		const [first, second] = peer.frames.slice(-2);
		expect(second).toBe(first); // the same bytes, not encoded again

		await r.write(null, (d) => d.getText('notes').insert(0, 'new '));
		r.receive(peer, askEverything);
		await r.flush();
		const after = peer.frames.at(-1);
		expect(after).not.toBe(first);
		expect(after?.length).toBeGreaterThan(first?.length ?? 0);
		r.destroy();
	});

	it('stores and sends nothing for a server edit that changes nothing', async () => {
		const r = room();
		const peer = listener();
		r.join(peer);
		const sent = peer.frames.length;
		const append = vi.spyOn(store, 'append');
		await r.write(null, () => {});
		expect(append).not.toHaveBeenCalled();
		expect(r.lastSeq).toBe(0);
		expect(peer.frames.length).toBe(sent);
		append.mockRestore();
		r.destroy();
	});

	it('a server write is stored before anyone sees it, and reported with a server origin', async () => {
		const origins: Origin[][] = [];
		const r = room(new Y.Doc(), { onApplied: (_, o) => void origins.push([...o]) });
		const peer = listener();
		r.join(peer);
		const sent = peer.frames.length;
		let release: () => void = () => {};
		const gate = new Promise<void>((resolve) => (release = resolve));
		const original = store.append.bind(store);
		const append = vi.spyOn(store, 'append').mockImplementationOnce(async (...args) => {
			await gate;
			return original(...args);
		});
		const written = r.write('u1', (d) => d.getMap('m').set('k', 1));
		r.receive(peer, askEverything); // a sync reply asked meanwhile waits for the write to be stored
		await new Promise((resolve) => setTimeout(resolve, 20));
		expect(peer.frames.length).toBe(sent);
		release();
		await written;
		await r.flush();
		expect(peer.frames.length).toBe(sent + 2); // the update, then the sync reply
		expect(origins).toEqual([[{ server: true, userId: 'u1' }]]);
		append.mockRestore();
		r.destroy();
	});

	it('a server write whose storage fails is seen by nobody, rejects, and breaks the room', async () => {
		const broken: Room[] = [];
		const r = new Room({
			boardId,
			kind: 'board',
			doc: new Y.Doc(),
			lastSeq: 0,
			generation: 0,
			store,
			onApplied: () => {},
			onBroken: (b) => void broken.push(b)
		});
		const peer = listener();
		r.join(peer);
		const sent = peer.frames.length;
		const append = vi.spyOn(store, 'append').mockRejectedValueOnce(new Error('disk full'));
		await expect(r.write(null, (d) => d.getMap('m').set('k', 1))).rejects.toThrow('disk full');
		expect(peer.frames.length).toBe(sent);
		expect(peer.closed).toEqual([4500]);
		expect(broken).toEqual([r]);
		await expect(r.write(null, (d) => d.getMap('m').set('k', 2))).rejects.toThrow('reloading');
		append.mockRestore();
		r.destroy();
	});

	it('an edit that throws half-way still has what it changed stored and sent, then rejects', async () => {
		const r = room();
		const peer = listener();
		r.join(peer);
		const sent = peer.frames.length;
		const failing = r.write(null, (d) => {
			d.getMap('m').set('k', 1);
			throw new Error('half-way');
		});
		await expect(failing).rejects.toThrow('half-way');
		expect(r.lastSeq).toBe(1);
		expect(peer.frames.length).toBe(sent + 1);
	});
});
