import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { createCard } from '../../src/lib/board/commands.ts';
import { readCards } from '../../src/lib/board/schema.ts';
import { BoardStore } from '../../src/lib/server/sync/store.ts';
import { useClusterBoard } from '../factories/cluster-board.ts';
import { eventually, whenSynced, type Client } from '../factories/yclient.ts';

const WRITERS = 20;
const WRITE_EVERY_MS = 100;
const VICTIM = 0;
const SURVIVOR = 1;

// A short lease, so that the survivor takes the board over within seconds (15 s in production).
const setup = useClusterBoard(2, { LEASE_TTL_MS: '3000' });

const leaseHolder = async () =>
	(
		await setup.db
			.selectFrom('board_lease')
			.select('holder')
			.where('key', '=', `board:${setup.boardId}`)
			.where('expires_at', '>', 0)
			.executeTakeFirst()
	)?.holder;

interface Writer {
	index: number;
	client: Client;
	/** The ids of the cards this writer created, in order. */
	written: string[];
	home: number;
}

const writers: Writer[] = [];
/** Until the test lets them, the dead process's clients keep knocking on its door (see the test). */
let failover = false;

const cardIds = (doc: Y.Doc) => new Set(readCards(doc).map((card) => card.id));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The cards a writer holds that others wrote: it received them from a server, which stores before it sends. */
function received(writer: Writer): string[] {
	return [...cardIds(writer.client.doc)].filter((id) => !id.startsWith(`w${writer.index}-`));
}

function startWriting(writer: Writer): () => void {
	const timer = setInterval(() => {
		const id = `w${writer.index}-${writer.written.length}`;
		writer.written.push(id);
		createCard(writer.client.doc, { id, title: id, stage: 'ideas', rank: `a${id}`, createdBy: setup.alice.userId });
	}, WRITE_EVERY_MS);
	return () => clearInterval(timer);
}

describe('kill -9 of one process while 20 writers edit one board', () => {
	it('loses none of the updates any client received, and moves its clients to the other process', async () => {
		for (let index = 0; index < WRITERS; index++) {
			const home = index % 2;
			// The victim opens the board first, so that it holds the board's lease: it dies with changes unprojected.
			if (index === 1)
				await eventually(async () => (await leaseHolder()) === `node${VICTIM}`, 10_000, 'the victim holds the board');
			// As a load balancer would: the home process while it is up (or until the failover), else the other one.
			const route = () =>
				setup.cluster.isUp(home) || !failover ? setup.cluster.server(home).url : setup.cluster.server(SURVIVOR).url;
			writers.push({ index, home, written: [], client: setup.connect(route) });
		}
		await Promise.all(writers.map((w) => whenSynced(w.client, 10_000)));
		const stops = writers.map(startWriting);
		await sleep(1500);

		await setup.cluster.kill(VICTIM);
		// Before any client could send its copy again: what any of them received is in the database already.
		const seen = new Set(writers.flatMap(received));
		const stored = cardIds((await new BoardStore(setup.db).load(setup.boardId)).doc);
		const lost = [...seen].filter((id) => !stored.has(id));
		expect(seen.size).toBeGreaterThan(WRITERS); // the check means something: many cards crossed already
		expect(lost).toEqual([]);

		failover = true;
		await sleep(1000);
		for (const stop of stops) stop();
		const all = writers.flatMap((w) => w.written);
		const victims = writers.filter((w) => w.home === VICTIM);
		await eventually(
			() => victims.every((w) => w.client.provider.wsconnected && w.client.provider.synced),
			15_000,
			"the dead process's clients reconnected to the other"
		);
		await eventually(
			() => writers.every((w) => cardIds(w.client.doc).size === all.length),
			20_000,
			'every card at every client'
		);
		const final = cardIds((await new BoardStore(setup.db).load(setup.boardId)).doc);
		expect([...final].sort()).toEqual([...all].sort());
	});

	it("logs each card's creation exactly once, whichever process projected it", async () => {
		const all = writers.flatMap((w) => w.written);
		expect(all.length).toBeGreaterThan(0);
		const createdEvents = async () =>
			setup.db
				.selectFrom('card_event')
				.select('card_id')
				.where('board_id', '=', setup.boardId)
				.where('kind', '=', 'created')
				.execute();
		const start = Date.now();
		while (new Set((await createdEvents()).map((e) => e.card_id)).size < all.length && Date.now() - start < 20_000)
			await sleep(200);
		const events = (await createdEvents()).map((e) => e.card_id);
		expect(new Set(events).size).toBe(all.length);
		expect(events.length).toBe(all.length);
	});
});
