import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Db } from '../db/open.ts';
import { openTempDatabase, type TempDatabase } from '../../../../tests/factories/db.ts';
import { newId } from '../ids.ts';
import { readGeneration, rememberCarried, startGeneration } from './generation-store.ts';
import { GenerationEnded } from './head.ts';
import { BoardStore } from './store.ts';

let temp: TempDatabase;
let db: Db;
let store: BoardStore;

beforeAll(async () => {
	temp = await openTempDatabase('bouture-generations-');
	db = temp.db;
	store = new BoardStore(db);
});

afterAll(() => temp.dispose());

async function newBoard(): Promise<string> {
	const organizationId = newId();
	const id = newId();
	const now = Date.now();
	await db.insertInto('organization').values({ id: organizationId, name: 'Org', created_at: now }).execute();
	await db
		.insertInto('board')
		.values({ id, organization_id: organizationId, name: 'Board', created_at: now, updated_at: now })
		.execute();
	return id;
}

/** A document titled `title`, as one update. */
function titled(title: string): { doc: Y.Doc; update: Uint8Array } {
	const doc = new Y.Doc();
	doc.getMap('meta').set('title', title);
	return { doc, update: Y.encodeStateAsUpdate(doc) };
}

const title = (doc: Y.Doc | null) => doc?.getMap('meta').get('title');

describe('generations in storage', () => {
	it('a new generation replaces snapshot and log, archives the old one, and fences its appends', async () => {
		const boardId = await newBoard();
		const old = titled('old');
		const seq = await store.append(boardId, 0, [{ data: old.update, userId: null }], 0);
		const fresh = titled('fresh');
		const next = { generation: 0, seq, ended: old.update, fresh: fresh.update };
		expect(await startGeneration(db, boardId, next, 30)).toBe(true);

		const loaded = await store.load(boardId);
		expect(loaded.generation).toBe(1);
		expect(title(loaded.doc)).toBe('fresh');
		expect(title(await readGeneration(db, boardId, 0))).toBe('old');
		// A process still on generation 0 stores nothing more; generation 1 goes on from the same seq.
		const late = titled('late').update;
		await expect(store.append(boardId, seq, [{ data: late, userId: null }], 0)).rejects.toBeInstanceOf(GenerationEnded);
		expect(await store.append(boardId, seq, [{ data: late, userId: null }], 1)).toBe(seq + 1);
		// Starting it twice (two processes) does nothing the second time.
		expect(await startGeneration(db, boardId, next, 30)).toBe(false);
	});

	it('changes carried over are kept with the ended generation, and old generations expire', async () => {
		const boardId = await newBoard();
		const first = titled('first');
		const seq = await store.append(boardId, 0, [{ data: first.update, userId: null }], 0);
		await startGeneration(db, boardId, { generation: 0, seq, ended: first.update, fresh: first.update }, 30);
		first.doc.getMap('meta').set('note', 'carried');
		await rememberCarried(db, boardId, 0, Y.encodeStateAsUpdate(first.doc));
		expect((await readGeneration(db, boardId, 0))?.getMap('meta').get('note')).toBe('carried');

		await db
			.updateTable('board_generation')
			.set({ ended_at: Date.now() - 31 * 86_400_000 })
			.execute();
		const again = { generation: 1, seq, ended: first.update, fresh: first.update };
		expect(await startGeneration(db, boardId, again, 30)).toBe(true);
		expect(await readGeneration(db, boardId, 0)).toBeNull();
		expect(await readGeneration(db, boardId, 1)).not.toBeNull();
	});
});
