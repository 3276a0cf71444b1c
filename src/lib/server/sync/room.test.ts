import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { openTempDatabase, type TempDatabase } from '../../../../tests/factories/db.ts';
import { newId } from '../ids.ts';
import { Room, type Peer } from './room.ts';
import { BoardStore } from './store.ts';

let temp: TempDatabase;
let store: BoardStore;
let boardId: string;

beforeAll(async () => {
	temp = await openTempDatabase('bouture-room-');
	store = new BoardStore(temp.db);
	const organizationId = newId();
	const now = Date.now();
	boardId = newId();
	await temp.db.insertInto('organization').values({ id: organizationId, name: 'Org', created_at: now }).execute();
	await temp.db
		.insertInto('board')
		.values({ id: boardId, organization_id: organizationId, name: 'Board', created_at: now, updated_at: now })
		.execute();
});

afterAll(() => temp.dispose());

function listener(): Peer & { frames: Uint8Array[] } {
	const frames: Uint8Array[] = [];
	return { userId: 'u', readOnly: false, frames, send: (f) => void frames.push(f), close: () => {} };
}

const askEverything = { kind: 'sync-step1', stateVector: Y.encodeStateVector(new Y.Doc()) } as const;

describe('Room', () => {
	it('encodes the whole of a big board once per version for clients that have nothing', async () => {
		const doc = new Y.Doc();
		doc.getText('notes').insert(0, 'x'.repeat(300 * 1024));
		const room = new Room(boardId, doc, 0, store, () => {});
		const peer = listener();
		room.receive(peer, askEverything);
		room.receive(peer, askEverything);
		expect(peer.frames[1]).toBe(peer.frames[0]); // the same bytes, not encoded again

		await room.change(null, (d) => d.getText('notes').insert(0, 'new '));
		room.receive(peer, askEverything);
		const after = peer.frames.at(-1);
		expect(after).not.toBe(peer.frames[0]);
		expect(after?.length).toBeGreaterThan(peer.frames[0]?.length ?? 0);
		room.destroy();
	});

	it('stores and sends nothing for a server edit that changes nothing', async () => {
		const room = new Room(boardId, new Y.Doc(), 0, store, () => {});
		const peer = listener();
		room.join(peer);
		const sent = peer.frames.length;
		const append = vi.spyOn(store, 'append');
		await room.change(null, () => {});
		expect(append).not.toHaveBeenCalled();
		expect(room.lastSeq).toBe(0);
		expect(peer.frames.length).toBe(sent);
		room.destroy();
	});
});
