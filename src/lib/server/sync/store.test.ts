import { afterAll, afterEach, beforeAll, describe, it, expect, vi } from 'vitest';
import fc from 'fast-check';
import type { KyselyPlugin, RootOperationNode } from 'kysely';
import * as Y from 'yjs';
import { join } from 'node:path';
import { openDatabase, type Db } from '../db/open.ts';
import { openTempDatabase, type TempDatabase } from '../../../../tests/factories/db.ts';
import { newId } from '../ids.ts';
import { BoardStore, type StoredUpdate } from './store.ts';

let temp: TempDatabase;
let db: Db;
let organizationId: string;

beforeAll(async () => {
	temp = await openTempDatabase('bouture-store-');
	db = temp.db;
	organizationId = newId();
	await db
		.insertInto('organization')
		.values({ id: organizationId, name: 'Analytical', created_at: Date.now() })
		.execute();
});

afterAll(() => temp.dispose());

afterEach(() => {
	vi.restoreAllMocks();
});

async function newBoard(): Promise<string> {
	const id = newId();
	const now = Date.now();
	await db
		.insertInto('board')
		.values({ id, organization_id: organizationId, name: 'Board', created_at: now, updated_at: now })
		.execute();
	return id;
}

type Op = { kind: 'title'; card: number; title: string } | { kind: 'delete'; card: number };

/** Edits a board document one transaction per op, and returns the incremental updates it emitted. */
function edit(doc: Y.Doc, ops: readonly Op[]): StoredUpdate[] {
	const updates: StoredUpdate[] = [];
	const record = (update: Uint8Array) => updates.push({ data: update, userId: null });
	doc.on('update', record);
	const cards = doc.getMap<Y.Map<unknown>>('cards');
	for (const op of ops) {
		doc.transact(() => {
			const id = `card-${op.card}`;
			if (op.kind === 'delete') {
				cards.delete(id);
				return;
			}
			let card = cards.get(id);
			if (!card) {
				card = new Y.Map<unknown>();
				cards.set(id, card);
				card.set('rank', `a${op.card}`);
			}
			card.set('title', op.title);
		});
	}
	doc.off('update', record);
	return updates;
}

const manyEdits = (n: number, from = 0): Op[] =>
	Array.from({ length: n }, (_, i) =>
		i % 7 === 6
			? { kind: 'delete', card: (from + i) % 10 }
			: { kind: 'title', card: (from + i) % 10, title: `title ${from + i}` }
	);

const content = (doc: Y.Doc) => doc.getMap('cards').toJSON();

async function updateSeqs(boardId: string): Promise<number[]> {
	const rows = await db
		.selectFrom('board_update')
		.select('seq')
		.where('board_id', '=', boardId)
		.orderBy('seq')
		.execute();
	return rows.map((r) => r.seq);
}

const snapshotRow = (boardId: string) =>
	db.selectFrom('board_snapshot').select(['seq', 'data']).where('board_id', '=', boardId).executeTakeFirst();

describe('BoardStore.append / load', () => {
	it('round-trips a document built from many updates', async () => {
		const store = new BoardStore(db);
		const boardId = await newBoard();
		const source = new Y.Doc();
		const updates = edit(source, manyEdits(120));
		expect(updates.length).toBeGreaterThanOrEqual(100);

		let lastSeq = 0;
		for (let i = 0; i < updates.length; i += 17)
			lastSeq = await store.append(boardId, lastSeq, updates.slice(i, i + 17));
		expect(lastSeq).toBe(updates.length);
		expect(await updateSeqs(boardId)).toEqual(updates.map((_, i) => i + 1));

		const loaded = await store.load(boardId);
		expect(content(loaded.doc)).toEqual(content(source));
		expect(Object.keys(content(source)).length).toBeGreaterThan(0);
		expect(loaded.lastSeq).toBe(updates.length);
		expect(loaded.tailLength).toBe(updates.length);
	});

	it('appends nothing for an empty batch and keeps the last seq', async () => {
		const store = new BoardStore(db);
		const boardId = await newBoard();
		expect(await store.append(boardId, 7, [])).toBe(7);
		expect(await updateSeqs(boardId)).toEqual([]);
	});

	it('loads an unknown or empty board as an empty document', async () => {
		const loaded = await new BoardStore(db).load(await newBoard());
		expect(content(loaded.doc)).toEqual({});
		expect(loaded).toMatchObject({ lastSeq: 0, tailLength: 0 });
	});

	it('keeps boards apart', async () => {
		const store = new BoardStore(db);
		const [a, b] = [await newBoard(), await newBoard()];
		await store.append(a, 0, edit(new Y.Doc(), [{ kind: 'title', card: 1, title: 'on a' }]));
		await store.append(b, 0, edit(new Y.Doc(), [{ kind: 'title', card: 2, title: 'on b' }]));
		expect(content((await store.load(a)).doc)).toEqual({ 'card-1': { rank: 'a1', title: 'on a' } });
		expect(content((await store.load(b)).doc)).toEqual({ 'card-2': { rank: 'a2', title: 'on b' } });
	});
});

describe('BoardStore.compact', () => {
	it('folds the updates into the snapshot, deletes them, and loads the same content', async () => {
		const store = new BoardStore(db);
		const boardId = await newBoard();
		const source = new Y.Doc();
		const updates = edit(source, manyEdits(60));
		const lastSeq = await store.append(boardId, 0, updates);

		await store.compact(boardId, lastSeq);
		expect(await updateSeqs(boardId)).toEqual([]);
		expect((await snapshotRow(boardId))?.seq).toBe(lastSeq);

		const loaded = await store.load(boardId);
		expect(content(loaded.doc)).toEqual(content(source));
		expect(loaded).toMatchObject({ lastSeq, tailLength: 0 });
	});

	it('compacts up to a seq only, and later updates load on top of the snapshot', async () => {
		const store = new BoardStore(db);
		const boardId = await newBoard();
		const source = new Y.Doc();
		const updates = edit(source, manyEdits(50));
		let lastSeq = await store.append(boardId, 0, updates);

		await store.compact(boardId, 20);
		expect(await updateSeqs(boardId)).toEqual(Array.from({ length: lastSeq - 20 }, (_, i) => 21 + i));
		// The snapshot holds exactly the first 20 updates, nothing after them.
		const upTo20 = new Y.Doc();
		for (const u of updates.slice(0, 20)) Y.applyUpdate(upTo20, u.data);
		const snapshot = new Y.Doc();
		Y.applyUpdate(snapshot, (await snapshotRow(boardId))!.data);
		expect(content(snapshot)).toEqual(content(upTo20));
		expect(content(snapshot)).not.toEqual(content(source));

		const loaded = await store.load(boardId);
		expect(content(loaded.doc)).toEqual(content(source));
		expect(loaded).toMatchObject({ lastSeq, tailLength: lastSeq - 20 });

		// Appending after a load continues the sequence; a second compaction folds the new snapshot in.
		lastSeq = await store.append(boardId, loaded.lastSeq, edit(source, manyEdits(5, 50)));
		await store.compact(boardId, lastSeq);
		expect(content((await store.load(boardId)).doc)).toEqual(content(source));
		expect(await updateSeqs(boardId)).toEqual([]);
	});

	it('is idempotent: compacting again, or to an older seq, changes nothing', async () => {
		const store = new BoardStore(db);
		const boardId = await newBoard();
		const source = new Y.Doc();
		const lastSeq = await store.append(boardId, 0, edit(source, manyEdits(40)));
		await store.compact(boardId, lastSeq);
		const first = await snapshotRow(boardId);

		await store.compact(boardId, lastSeq);
		await store.compact(boardId, lastSeq - 10);
		expect(await snapshotRow(boardId)).toEqual(first);
		expect(content((await store.load(boardId)).doc)).toEqual(content(source));
	});

	it('loads the same content whatever the batching and compaction points', async () => {
		const store = new BoardStore(db);
		const op: fc.Arbitrary<Op> = fc.oneof(
			fc.record({ kind: fc.constant('title' as const), card: fc.nat(5), title: fc.string({ maxLength: 8 }) }),
			fc.record({ kind: fc.constant('delete' as const), card: fc.nat(5) })
		);
		const step = fc.record({ ops: fc.array(op, { maxLength: 8 }), compact: fc.boolean() });
		await fc.assert(
			fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 8 }), async (steps) => {
				const boardId = await newBoard();
				const source = new Y.Doc();
				let lastSeq = 0;
				for (const s of steps) {
					lastSeq = await store.append(boardId, lastSeq, edit(source, s.ops));
					if (s.compact) await store.compact(boardId, lastSeq);
				}
				const loaded = await store.load(boardId);
				expect(content(loaded.doc)).toEqual(content(source));
				expect(loaded.lastSeq).toBe(lastSeq);
			}),
			{ numRuns: 30 }
		);
	});
});

describe('BoardStore: crash during compaction', () => {
	/** Lets every query through but fails the DELETE of folded updates, after the snapshot was written. */
	function failingDeletes(seen: string[]): KyselyPlugin {
		return {
			transformQuery({ node }): RootOperationNode {
				seen.push(node.kind);
				if (node.kind === 'DeleteQueryNode') throw new Error('simulated crash before DELETE');
				return node;
			},
			transformResult: async ({ result }) => result
		};
	}

	it('rolls back: the old snapshot and the full tail remain, and the board loads the same', async () => {
		const store = new BoardStore(db);
		const boardId = await newBoard();
		const source = new Y.Doc();
		let lastSeq = await store.append(boardId, 0, edit(source, manyEdits(20)));
		await store.compact(boardId, 10);
		lastSeq = await store.append(boardId, lastSeq, edit(source, manyEdits(20, 20)));
		const snapshotBefore = await snapshotRow(boardId);
		const seqsBefore = await updateSeqs(boardId);

		const seen: string[] = [];
		const crashing = new BoardStore(db.withPlugin(failingDeletes(seen)));
		await expect(crashing.compact(boardId, lastSeq)).rejects.toThrow('simulated crash');
		expect(seen).toContain('InsertQueryNode'); // the new snapshot was written, then rolled back

		expect(await snapshotRow(boardId)).toEqual(snapshotBefore);
		expect(await updateSeqs(boardId)).toEqual(seqsBefore);
		const loaded = await store.load(boardId);
		expect(content(loaded.doc)).toEqual(content(source));
		expect(loaded.lastSeq).toBe(lastSeq);

		// And a later, successful compaction still works.
		await store.compact(boardId, lastSeq);
		expect(content((await store.load(boardId)).doc)).toEqual(content(source));
	});

	it('leaves no snapshot at all when the first compaction fails', async () => {
		const boardId = await newBoard();
		const source = new Y.Doc();
		const lastSeq = await new BoardStore(db).append(boardId, 0, edit(source, manyEdits(15)));
		await expect(new BoardStore(db.withPlugin(failingDeletes([]))).compact(boardId, lastSeq)).rejects.toThrow();
		expect(await snapshotRow(boardId)).toBeUndefined();
		expect(content((await new BoardStore(db).load(boardId)).doc)).toEqual(content(source));
	});
});

describe('BoardStore: unreadable stored updates', () => {
	const garbage = Uint8Array.of(0xff, 0xff, 0xff, 0x01, 0x02);

	it('skips an update that cannot be applied and loads the rest', async () => {
		expect(() => Y.applyUpdate(new Y.Doc(), garbage)).toThrow(); // the row really is unreadable
		const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
		const store = new BoardStore(db);
		const boardId = await newBoard();
		const source = new Y.Doc();
		let lastSeq = await store.append(boardId, 0, edit(source, manyEdits(10)));
		lastSeq = await store.append(boardId, lastSeq, [{ data: garbage, userId: null }]);
		const badSeq = lastSeq;
		lastSeq = await store.append(boardId, lastSeq, edit(source, manyEdits(10, 10)));

		const loaded = await store.load(boardId);
		expect(content(loaded.doc)).toEqual(content(source));
		expect(loaded).toMatchObject({ lastSeq, tailLength: lastSeq });
		expect(errors).toHaveBeenCalledWith(
			expect.stringContaining(`board ${boardId}: skipped unreadable update ${badSeq}:`)
		);
	});

	it('compaction skips it too, and the snapshot holds everything else', async () => {
		vi.spyOn(console, 'error').mockImplementation(() => {});
		const store = new BoardStore(db);
		const boardId = await newBoard();
		const source = new Y.Doc();
		let lastSeq = await store.append(boardId, 0, edit(source, manyEdits(5)));
		lastSeq = await store.append(boardId, lastSeq, [{ data: garbage, userId: null }]);
		lastSeq = await store.append(boardId, lastSeq, edit(source, manyEdits(5, 5)));

		await store.compact(boardId, lastSeq);
		expect(await updateSeqs(boardId)).toEqual([]);
		expect(content((await store.load(boardId)).doc)).toEqual(content(source));
	});
});

describe('BoardStore: a compaction racing a load or another compaction', () => {
	// The other party works on a second connection to the same file, as another process would; the hook
	// makes it run to the end between two queries of the first party, which then goes on.
	let other: Db;
	beforeAll(() => {
		other = openDatabase('file:' + join(temp.dir, 'test.sqlite'));
	});
	afterAll(() => other.destroy());

	/** Runs `between` once, right after the first read of board_snapshot has returned. */
	function afterSnapshotRead(between: () => Promise<void>): KyselyPlugin {
		let done = false;
		const reads = new WeakSet<object>();
		return {
			transformQuery({ node, queryId }): RootOperationNode {
				if (node.kind === 'SelectQueryNode' && JSON.stringify(node.from).includes('"board_snapshot"'))
					reads.add(queryId);
				return node;
			},
			async transformResult({ result, queryId }) {
				if (reads.has(queryId) && !done) {
					done = true;
					await between();
				}
				return result;
			}
		};
	}

	/** A board of 40 updates, compacted up to `snapshotAt`; the store's reads let `other` compact it all. */
	async function boardRacedBy(snapshotAt: number) {
		const boardId = await newBoard();
		const source = new Y.Doc();
		let lastSeq = await new BoardStore(db).append(boardId, 0, edit(source, manyEdits(20)));
		await new BoardStore(db).compact(boardId, snapshotAt);
		lastSeq = await new BoardStore(db).append(boardId, lastSeq, edit(source, manyEdits(20, 20)));
		const between = async () => void (await new BoardStore(other).compact(boardId, lastSeq));
		return { boardId, source, lastSeq, racing: new BoardStore(db.withPlugin(afterSnapshotRead(between))) };
	}

	it('load sees the board whole when a compaction commits between its reads', async () => {
		const { boardId, source, lastSeq, racing } = await boardRacedBy(10);
		const loaded = await racing.load(boardId);

		expect((await snapshotRow(boardId))?.seq).toBe(lastSeq); // the compaction did run in between
		expect(content(loaded.doc)).toEqual(content(source));
		expect(loaded.lastSeq).toBe(lastSeq);
	});

	it('a compaction that read an older snapshot never moves it back, nor fails', async () => {
		const { boardId, source, lastSeq, racing } = await boardRacedBy(5);
		await racing.compact(boardId, 20); // it reads snapshot 5, then another compaction stores one at 40

		expect((await snapshotRow(boardId))?.seq).toBe(lastSeq);
		expect(await updateSeqs(boardId)).toEqual([]);
		const loaded = await new BoardStore(db).load(boardId);
		expect(content(loaded.doc)).toEqual(content(source));
		expect(loaded.lastSeq).toBe(lastSeq);
	});
});
