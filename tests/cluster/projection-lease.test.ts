import { describe, expect, it } from 'vitest';
import { createCard, renameCard } from '../../src/lib/board/commands.ts';
import { createTestBoard } from '../factories/accounts.ts';
import { useClusterBoard } from '../factories/cluster-board.ts';
import { REDIS_URL } from '../factories/cluster.ts';
import { createPerson } from '../factories/people.ts';
import { followPortalEvents } from '../factories/portal-events.ts';
import { until, writeCards } from '../factories/portal.ts';
import { startServer } from '../factories/server.ts';
import { whenSynced, type Client } from '../factories/yclient.ts';

// A short lease, so that the takeover after a kill -9 comes within seconds (15 s in production).
const LEASE_TTL_MS = 3000;

const setup = useClusterBoard(2, { LEASE_TTL_MS: String(LEASE_TTL_MS) });

/** The client that stays when process 0 is killed. */
let writerOnB: Client | null = null;

const client = (url: string): Client => setup.connect(url);

const addCards = (c: Client, ids: string[]) =>
	ids.forEach((id, n) =>
		createCard(c.doc, { id, title: id, stage: 'ideas', rank: `a${id}${n}`, createdBy: setup.alice.userId })
	);

const cardRows = async () =>
	(await setup.db.selectFrom('card').select('id').where('board_id', '=', setup.boardId).execute())
		.map((r) => r.id)
		.sort();

/** How many 'created' events each card has in the log. */
async function createdEvents(): Promise<Map<string, number>> {
	const rows = await setup.db
		.selectFrom('card_event')
		.select('card_id')
		.where('board_id', '=', setup.boardId)
		.where('kind', '=', 'created')
		.execute();
	const counts = new Map<string, number>();
	for (const { card_id } of rows) counts.set(card_id, (counts.get(card_id) ?? 0) + 1);
	return counts;
}

const lease = () =>
	setup.db
		.selectFrom('board_lease')
		.select(['holder', 'epoch'])
		.where('key', '=', `board:${setup.boardId}`)
		.executeTakeFirst();

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('one process projects a board', () => {
	it('tells guests following the portal on the other process when a shared card changes', async () => {
		const board = await createTestBoard(setup.db, setup.alice, 'Partagé');
		const guest = await createPerson(setup.db, setup.alice.organizationId, 'Gus', 'guest', 'Acme');
		const [shared] = await writeCards(setup.cluster.server(0).url, setup.db, setup.alice, board, [
			{ title: 'Pour les invités', sharing: { mode: 'all' } }
		]);
		const member = setup.connect(setup.cluster.server(0).url, { boardId: board });
		await whenSynced(member);
		// The portal is open on process 1; the board is projected on process 0, which holds its lease.
		const events = await followPortalEvents(setup.cluster.server(1).url, guest, board);
		try {
			renameCard(member.doc, shared!, 'Renommée');
			await until(async () => events.received.includes('event: changed'), 'the change on the other process');
		} finally {
			await events.stop();
		}
	});

	it('writes the card rows and events once, at the holder of the board’s lease', async () => {
		const onA = client(setup.cluster.server(0).url);
		await whenSynced(onA);
		const onB = client(setup.cluster.server(1).url);
		writerOnB = onB;
		await whenSynced(onB);
		expect(await lease()).toMatchObject({ holder: 'node0', epoch: 1 });
		addCards(onB, ['b1', 'b2', 'b3']);
		addCards(onA, ['a1', 'a2']);
		await until(async () => (await cardRows()).length === 5, 'the five card rows', 10_000);
		await pause(1000); // time for a second projection, were there one, to log its events
		expect([...(await createdEvents()).values()]).toEqual([1, 1, 1, 1, 1]);
	});

	it('is taken over when its holder dies: the projection is complete and no event is logged twice', async () => {
		const onB = writerOnB!;
		await setup.cluster.server(0).kill();
		const killedAt = performance.now();
		// Written while nobody projects: the new holder's rebuild at takeover catches up.
		addCards(onB, ['gap1', 'gap2']);
		await until(async () => (await lease())?.holder === 'node1', 'the takeover', 20_000);
		const takeoverMs = performance.now() - killedAt;
		console.info(`[figure] lease takeover after kill -9: ${Math.round(takeoverMs)} ms (TTL ${LEASE_TTL_MS} ms)`);
		// The lease outlives its dead holder by its TTL, then the next claim (every TTL/3) takes it.
		expect(takeoverMs).toBeLessThan(LEASE_TTL_MS * 2);
		expect((await lease())?.epoch).toBe(2);
		await until(async () => (await cardRows()).length === 7, 'the cards written during the gap', 10_000);
		addCards(onB, ['after']);
		await until(async () => (await createdEvents()).has('after'), 'the new card’s event', 10_000);
		await pause(1000);
		const events = await createdEvents();
		expect(Math.max(...events.values())).toBe(1);
		expect(await cardRows()).toEqual(['a1', 'a2', 'after', 'b1', 'b2', 'b3', 'gap1', 'gap2']);
	});

	it('goes at once to another process when its holder stops gracefully', async () => {
		const third = await startServer({
			dbPath: setup.cluster.databaseUrl,
			env: { REDIS_URL, NODE_ID: 'node2', LEASE_TTL_MS: String(LEASE_TTL_MS) }
		});
		setup.cluster.servers.push(third);
		const onC = client(third.url);
		await whenSynced(onC);
		expect((await lease())?.holder).toBe('node1');
		const stoppedAt = performance.now();
		await setup.cluster.server(1).stop();
		await until(async () => (await lease())?.holder === 'node2', 'the handover', 10_000);
		// Released at shutdown: no waiting for the TTL.
		expect(performance.now() - stoppedAt).toBeLessThan(LEASE_TTL_MS);
		addCards(onC, ['last']);
		await until(async () => (await createdEvents()).get('last') === 1, 'the last card’s event', 10_000);
	});
});
