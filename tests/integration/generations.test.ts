import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createCard, setArchived } from '../../src/lib/board/commands.ts';
import { cardsMap, getCard, getDescription, readCards } from '../../src/lib/board/schema.ts';
import type { Db } from '../../src/lib/server/db/open.ts';
import { currentGeneration } from '../../src/lib/server/sync/head.ts';
import { createMember, createTestBoard, openTestDb, type Member } from '../factories/accounts.ts';
import { startServer, type RunningServer } from '../factories/server.ts';
import { eventually, GenerationClient, whenSynced, workCardOver, workUntilGeneration } from '../factories/yclient.ts';

// Compactions every few updates and no minimum size: a board whose history outweighs its content
// starts a new generation within a few dozen moves.
const ENV = { COMPACT_EVERY: '10', RENEW_MIN_BYTES: '1' };

let server: RunningServer;
let db: Db;
let alice: Member;
const clients: GenerationClient[] = [];

function follow(boardId: string, options: { doc?: Y.Doc; generation?: number } = {}): GenerationClient {
	const c = new GenerationClient(server.url, boardId, alice.cookie, options);
	clients.push(c);
	return c;
}

const generationOf = (boardId: string) => currentGeneration(db, boardId);

/** Works a card over until the server starts generation `generation`. */
function churnUntil(c: GenerationClient, boardId: string, cardId: string, generation: number) {
	return workUntilGeneration(
		() => generationOf(boardId),
		generation,
		(round) => workCardOver(c.doc, cardId, round, 25)
	);
}

function newCard(doc: Y.Doc, id: string, description = ''): void {
	createCard(doc, { id, title: id, stage: 'ideas', rank: `a${id}`, createdBy: alice.userId });
	if (description) getDescription(doc, id)?.insert(0, description);
}

const summary = (doc: Y.Doc) =>
	readCards(doc)
		.map((c) => `${c.id} ${c.stage} ${c.title} ${c.archived ? 'archived' : 'live'} ${c.description}`)
		.sort();

beforeAll(async () => {
	server = await startServer({ env: ENV });
	db = openTestDb(server.dbPath);
	alice = await createMember(db, 'Alice');
});

afterAll(async () => {
	for (const c of clients) c.destroy();
	await server.stop();
	await db.destroy();
});

describe('document generations', () => {
	it('a live board whose history outweighs its content starts a new generation, and its clients follow', async () => {
		const boardId = await createTestBoard(db, alice);
		const [a, b] = [follow(boardId), follow(boardId)];
		await Promise.all([whenSynced(a.current), whenSynced(b.current)]);
		newCard(a.doc, 'card-live-00001', 'Réduire les retours');
		await churnUntil(a, boardId, 'card-live-00001', 1);
		await eventually(() => a.generation === 1 && b.generation === 1, 10_000, 'both clients on generation 1');
		await Promise.all([whenSynced(a.current), whenSynced(b.current)]);
		expect(summary(a.doc)).toEqual(['card-live-00001 ideas card-live-00001 live Réduire les retours']);
		// The new generation is small again, and the clients go on editing it together.
		const stored = await db
			.selectFrom('board_snapshot')
			.select('data')
			.where('board_id', '=', boardId)
			.executeTakeFirstOrThrow();
		expect(stored.data.length).toBeLessThan(2_000);
		newCard(b.doc, 'card-live-00002');
		await eventually(() => readCards(a.doc).length === 2, 5000, 'a card made after the switch');
		const ended = await db
			.selectFrom('board_generation')
			.select('generation')
			.where('board_id', '=', boardId)
			.execute();
		expect(ended.map((e) => e.generation)).toEqual([0]);
	});

	it('an offline client coming back after a new generation has its changes carried over, once', async () => {
		const boardId = await createTestBoard(db, alice);
		const online = follow(boardId);
		await whenSynced(online.current);
		newCard(online.doc, 'card-move-00001');
		newCard(online.doc, 'card-text-00001', 'Pilote sur deux magasins');
		newCard(online.doc, 'card-arch-00001');
		const offline = follow(boardId);
		await whenSynced(offline.current);
		await eventually(() => readCards(offline.doc).length === 3, 5000, 'the offline client has the board');
		offline.current.provider.disconnect();

		// Offline: a move, a new card, an archive, and words added at the end of a description.
		getCard(offline.doc, 'card-move-00001')?.set('stage', 'review');
		newCard(offline.doc, 'card-new-000001', 'Idée du terrain');
		setArchived(offline.doc, 'card-arch-00001', true);
		getDescription(offline.doc, 'card-text-00001')?.insert('Pilote sur deux magasins'.length, ' puis extension');
		const heldOffline = Y.encodeStateAsUpdate(offline.doc);

		// Meanwhile the board starts a new generation, and someone edits the same description's start.
		await churnUntil(online, boardId, 'card-move-00001', 1);
		await eventually(() => online.generation === 1, 10_000, 'the online client on generation 1');
		await whenSynced(online.current);
		getDescription(online.doc, 'card-text-00001')?.insert(0, 'Test : ');

		offline.current.provider.connect();
		await eventually(() => offline.generation === 1, 10_000, 'the offline client on generation 1');
		await whenSynced(offline.current);
		const expected = [
			'card-arch-00001 ideas card-arch-00001 archived ',
			'card-move-00001 review card-move-00001 live ',
			'card-new-000001 ideas card-new-000001 live Idée du terrain',
			'card-text-00001 ideas card-text-00001 live Test : Pilote sur deux magasins puis extension'
		];
		await eventually(() => summary(online.doc).join() === expected.join(), 5000, 'the offline changes on the board');
		await eventually(() => summary(offline.doc).join() === expected.join(), 5000, 'and in the reloaded client');

		// The same changes coming again (the browser died before dropping its copy) add nothing.
		const doc = new Y.Doc();
		Y.applyUpdate(doc, heldOffline);
		const again = follow(boardId, { doc, generation: 0 });
		await eventually(() => again.generation === 1, 10_000, 'the repeated carry-over done');
		await whenSynced(again.current);
		expect(summary(again.doc)).toEqual(expected);
		expect(cardsMap(online.doc).size).toBe(4);
	});

	it('two clients carrying their changes over at once both land', async () => {
		const boardId = await createTestBoard(db, alice);
		const online = follow(boardId);
		await whenSynced(online.current);
		newCard(online.doc, 'card-both-00001', 'Base');
		const [first, second] = [follow(boardId), follow(boardId)];
		await Promise.all([whenSynced(first.current), whenSynced(second.current)]);
		await eventually(() => [first, second].every((c) => readCards(c.doc).length === 1), 5000, 'both have the card');
		first.current.provider.disconnect();
		second.current.provider.disconnect();
		getDescription(first.doc, 'card-both-00001')?.insert(0, 'Premier. ');
		getDescription(second.doc, 'card-both-00001')?.insert('Base'.length, ' Second.');
		newCard(second.doc, 'card-both-00002');

		await churnUntil(online, boardId, 'card-both-00001', 1);
		first.current.provider.connect();
		second.current.provider.connect();
		await eventually(() => first.generation === 1 && second.generation === 1, 10_000, 'both on generation 1');
		await eventually(
			() => getDescription(online.doc, 'card-both-00001')?.toString() === 'Premier. Base Second.',
			5000,
			'both texts merged'
		);
		expect(
			readCards(online.doc)
				.map((c) => c.id)
				.sort()
		).toEqual(['card-both-00001', 'card-both-00002']);
	});
});
