import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { openTempDatabase, type TempDatabase } from '../../../../tests/factories/db.ts';
import { newId } from '../ids.ts';
import { BoardStore } from '../sync/store.ts';
import { deploymentPrefix, RedisBus } from './bus.ts';
import { BoardFollower } from './follower.ts';
import { readUpdatesAfter } from './log.ts';
import { decodeMessage, DOORBELL_BYTES, encodeMessage, type SequencedUpdate } from './message.ts';

// Two "processes" in one: each its own Redis connections, copy of the board and follower, sharing
// the real store (a SQLite file here; the same queries run on PostgreSQL) and the real Redis.
const REDIS_URL = process.env.REDIS_URL || 'redis://127.0.0.1:6379';

async function redisAnswers(): Promise<boolean> {
	const probe = new Redis(REDIS_URL, { lazyConnect: true, retryStrategy: () => null, connectTimeout: 1000 });
	probe.on('error', () => undefined);
	try {
		await probe.connect();
		return (await probe.ping()) === 'PONG';
	} catch {
		return false;
	} finally {
		probe.disconnect();
	}
}

let temp: TempDatabase;
let boardId: string;
const running: { fanout: RedisBus; doc: Y.Doc }[] = [];

async function startProcess(origin: string) {
	const store = new BoardStore(temp.db);
	const loaded = await store.load(boardId);
	const doc = loaded.doc;
	const fanout = new RedisBus(REDIS_URL, origin);
	running.push({ fanout, doc });
	const follower = new BoardFollower({
		lastSeq: loaded.lastSeq,
		read: (after) => readUpdatesAfter(temp.db, 'board', boardId, after, 0),
		apply: (update) => Y.applyUpdate(doc, update, 'remote'),
		reload: async () => {
			const fresh = await store.load(boardId);
			Y.applyUpdate(doc, Y.encodeStateAsUpdate(fresh.doc));
			return fresh.lastSeq;
		}
	});
	await fanout.subscribe(`board:${boardId}`, (payload) => {
		const message = decodeMessage(payload);
		if (message) void follower.receive(message);
	});
	fanout.onReconnect(() => void follower.catchUp());
	/** Write-through as the room does it: store, then apply, then tell the others. */
	async function write(change: (doc: Y.Doc) => void, publish = true): Promise<void> {
		const scratch = new Y.Doc();
		Y.applyUpdate(scratch, Y.encodeStateAsUpdate(doc));
		let update: Uint8Array | null = null;
		scratch.on('update', (u: Uint8Array) => (update = u));
		change(scratch);
		if (!update) return;
		const seq = await store.append(boardId, follower.lastSeq, [{ data: update, userId: null }]);
		Y.applyUpdate(doc, update, 'local');
		await follower.stored(seq, seq);
		if (publish) await fanout.publish(`board:${boardId}`, encodeMessage({ seq, writer: null, update }));
	}
	return { doc, fanout, follower, write };
}

const cards = (doc: Y.Doc) => doc.getMap<string>('cards').toJSON();

async function converged(a: Y.Doc, b: Y.Doc, timeoutMs = 5000): Promise<void> {
	const until = Date.now() + timeoutMs;
	while (JSON.stringify(cards(a)) !== JSON.stringify(cards(b))) {
		if (Date.now() > until)
			throw new Error(`not converged: ${JSON.stringify(cards(a))} vs ${JSON.stringify(cards(b))}`);
		await new Promise((resolve) => setTimeout(resolve, 20));
	}
}

const up = await redisAnswers();

describe.skipIf(!up)(`board fan-out over Redis (${REDIS_URL})`, () => {
	beforeAll(async () => {
		temp = await openTempDatabase('bouture-cluster-');
		const now = Date.now();
		const organizationId = newId();
		boardId = newId();
		await temp.db.insertInto('organization').values({ id: organizationId, name: 'O', created_at: now }).execute();
		await temp.db
			.insertInto('board')
			.values({ id: boardId, organization_id: organizationId, name: 'B', created_at: now, updated_at: now })
			.execute();
	});

	afterAll(async () => {
		await Promise.all(running.map((p) => p.fanout.close()));
		await temp?.dispose();
	});

	it('delivers each stored update to the other process, which converges, never back to its writer', async () => {
		const [a, b] = [await startProcess('a'), await startProcess('b')];
		const echoes: number[] = [];
		await a.fanout.subscribe(`board:${boardId}`, (p) => void echoes.push((decodeMessage(p) as SequencedUpdate).seq));
		await a.write((doc) => doc.getMap('cards').set('c1', 'ideas'));
		await converged(a.doc, b.doc);
		// Both at once: the store's head row hands each its own number; each hears of the other's.
		await Promise.all([
			b.write((doc) => doc.getMap('cards').set('c2', 'review')),
			a.write((doc) => doc.getMap('cards').set('c1', 'scope'))
		]);
		await converged(a.doc, b.doc);
		expect(cards(b.doc)).toEqual({ c1: 'scope', c2: 'review' });
		await new Promise((resolve) => setTimeout(resolve, 100));
		expect(echoes).toHaveLength(1); // b's write, not a's own
		expect([a.follower.lastSeq, b.follower.lastSeq]).toEqual([3, 3]);
	});

	it('reads lost messages and doorbells from the log', async () => {
		const [a, b] = [await startProcess('a2'), await startProcess('b2')];
		const bells: boolean[] = [];
		await b.fanout.subscribe(`board:${boardId}`, (p) => void bells.push(decodeMessage(p)?.update === null));
		await a.write((doc) => doc.getMap('cards').set('lost1', 'ideas'), false);
		await a.write((doc) => doc.getMap('cards').set('lost2', 'ideas'), false);
		await a.write((doc) => doc.getMap('cards').set('big', 'x'.repeat(DOORBELL_BYTES + 1)));
		await converged(a.doc, b.doc);
		expect(Object.keys(cards(b.doc))).toEqual(expect.arrayContaining(['lost1', 'lost2', 'big']));
		expect(bells).toEqual([true]); // the large one came as a doorbell, read from the log
	});

	it('catches up on what was published while its Redis connection was cut', async () => {
		const [a, b] = [await startProcess('a3'), await startProcess('b3')];
		const admin = new Redis(REDIS_URL);
		let reconnects = 0;
		b.fanout.onReconnect(() => (reconnects += 1));
		try {
			const clients = String(await admin.client('LIST')).split('\n');
			const subscriber = clients.find((line) => line.includes('name=bouture-b3-sub'));
			const id = /\bid=(\d+)/.exec(subscriber ?? '')?.[1];
			expect(id).toBeDefined();
			await admin.client('KILL', 'ID', id ?? '');
			await a.write((doc) => doc.getMap('cards').set('while-cut', 'ideas'));
			await converged(a.doc, b.doc);
			expect(reconnects).toBe(1);
		} finally {
			admin.disconnect();
		}
	});

	it('keeps deployments that share a Redis apart, even with the same node names', async () => {
		const [mine, theirs] = [deploymentPrefix('postgres://db/one'), deploymentPrefix('postgres://db/two')];
		expect(mine).not.toBe(theirs);
		const [a, b, stranger] = [
			new RedisBus(REDIS_URL, 'node0', mine),
			new RedisBus(REDIS_URL, 'node1', mine),
			new RedisBus(REDIS_URL, 'node0', theirs)
		];
		try {
			const heard: string[] = [];
			await b.subscribe('relay:test', (payload, origin) =>
				heard.push(`${origin}:${new TextDecoder().decode(payload)}`)
			);
			await stranger.publish('relay:test', new TextEncoder().encode('other deployment'));
			await a.publish('relay:test', new TextEncoder().encode('same deployment'));
			await new Promise((resolve) => setTimeout(resolve, 200));
			expect(heard).toEqual(['node0:same deployment']);
		} finally {
			await Promise.all([a, b, stranger].map((bus) => bus.close()));
		}
	});
});
