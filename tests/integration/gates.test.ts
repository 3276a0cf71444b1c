import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSections } from '../../src/lib/board/card-sections.ts';
import { createCard, moveCard, renameCard, type GateOverride } from '../../src/lib/board/commands.ts';
import { getCard } from '../../src/lib/board/schema.ts';
import { putEntry, setField } from '../../src/lib/board/section-commands.ts';
import type { CollectionRecords } from '../../src/lib/board/sections.ts';
import type { Stage } from '../../src/lib/domain/stages.ts';
import { readFlags } from '../../src/lib/board/feed.ts';
import type { Db } from '../../src/lib/server/db/open.ts';
import { createColleague, createMember, createTestBoard, openTestDb, type Member } from '../factories/accounts.ts';
import { startServer, type RunningServer } from '../factories/server.ts';
import { connectClient, connectFeed, eventually, whenSynced, type Client } from '../factories/yclient.ts';

/**
 * The server's gate guard, end to end: real y-websocket clients write moves straight into the
 * document (as a modified browser could), and the server flags the ones that skipped a gate.
 */

let server: RunningServer;
let db: Db;
let owner: Member;
let manager: Member;
let member: Member;
let boardId: string;
const clients: Client[] = [];
const SENTINEL = 'gate-sentinel-0001';
let sentinelRound = 0;

/** Each board client's connection to the board's feed, where the server writes its flags. */
const feeds = new WeakMap<Client, Client>();

async function connect(person: Member): Promise<Client> {
	const c = connectClient(server.url, boardId, person.cookie);
	const feed = connectFeed(server.url, boardId, person.cookie);
	clients.push(c, feed);
	feeds.set(c, feed);
	await Promise.all([whenSynced(c), whenSynced(feed)]);
	return c;
}

type Flag = CollectionRecords['flags'] & { id: string };

function flagsOf(c: Client, cardId: string): Flag[] {
	const feed = feeds.get(c);
	return feed ? readFlags(feed.doc, cardId) : [];
}

async function cardRow(cardId: string) {
	return db
		.selectFrom('card')
		.select(['stage', 'owner_id', 'team_id'])
		.where('id', '=', cardId)
		.where('board_id', '=', boardId)
		.executeTakeFirst();
}

/** Polls the projected `card` row until `check` holds (the projection runs after each stored batch). */
async function projected(
	cardId: string,
	check: (row: Awaited<ReturnType<typeof cardRow>>) => boolean,
	what: string
): Promise<void> {
	const start = Date.now();
	while (!check(await cardRow(cardId))) {
		if (Date.now() - start > 5000)
			throw new Error(`timed out waiting for ${what}: ${JSON.stringify(await cardRow(cardId))}`);
		await new Promise((r) => setTimeout(r, 25));
	}
}

/**
 * Waits until everything the server applied so far has reached `reader`: `writer` renames a sentinel
 * card, and the server relays updates in the order it applies them, so once `reader` sees the new
 * title it has also received any flag the server wrote before.
 */
async function settled(writer: Client, reader: Client): Promise<void> {
	await new Promise((r) => setTimeout(r, 200)); // the flag is written right after the projection commits
	sentinelRound += 1;
	const title = `sentinel ${sentinelRound}`;
	renameCard(writer.doc, SENTINEL, title);
	await eventually(() => getCard(reader.doc, SENTINEL)?.get('title') === title, 5000, 'the sentinel');
}

/** A new card in `stage`, created by `c`, once the server has projected it (so a later move is judged from it). */
async function newCard(c: Client, id: string, stage: Stage, by: string): Promise<void> {
	createCard(c.doc, { id, title: id, stage, rank: 'a0', createdBy: by });
	await projected(id, (row) => row?.stage === stage, `${id} projected in ${stage}`);
}

function overrideBy(by: string, from: Stage, to: Stage): GateOverride {
	return {
		id: `override-${by}-${from}-${to}`.slice(0, 40),
		record: {
			from,
			to,
			reason: 'Decided at the steering meeting',
			missing: ['strengths', 'difficulties'],
			by,
			at: Date.now()
		}
	};
}

beforeAll(async () => {
	server = await startServer();
	db = openTestDb(server.dbPath);
	owner = await createMember(db, 'Olivia');
	boardId = await createTestBoard(db, owner);
	manager = await createColleague(db, owner, 'Manon', 'manager');
	member = await createColleague(db, owner, 'Marc');
	const c = await connect(owner);
	await newCard(c, SENTINEL, 'ideas', owner.userId);
});

afterAll(async () => {
	for (const c of clients) c.destroy();
	// A server stuck on its database would never exit on SIGTERM: kill it rather than leave it running.
	await Promise.race([server?.stop(), new Promise((r) => setTimeout(r, 10_000))]);
	await server?.kill();
	await db?.destroy();
});

describe('the gate guard', () => {
	it("flags a member's move past an unmet gate, and every client sees the flag", async () => {
		const [mover, watcher] = [await connect(member), await connect(owner)];
		const id = 'gate-bare-member-01';
		await newCard(mover, id, 'review', member.userId);
		expect(flagsOf(mover, id)).toEqual([]); // ideas → review asks nothing
		moveCard(mover.doc, id, 'objective', 'a1');
		await eventually(() => flagsOf(mover, id).length > 0, 5000, 'the flag on the mover');
		await eventually(() => flagsOf(watcher, id).length > 0, 5000, 'the flag on the watcher');
		await settled(watcher, mover);
		const flags = flagsOf(mover, id);
		expect(flags).toHaveLength(1);
		expect(flags[0]).toMatchObject({
			from: 'review',
			to: 'objective',
			missing: ['strengths', 'difficulties'],
			by: member.userId
		});
		expect(flags[0]?.at).toBeGreaterThan(0);
		expect(flagsOf(watcher, id)).toEqual(flags);
		expect((await cardRow(id))?.stage).toBe('objective'); // flagged, not undone
	});

	it('does not flag a manager who forces the gate with their own override', async () => {
		const [mover, watcher] = [await connect(manager), await connect(owner)];
		const id = 'gate-forced-manager';
		await newCard(mover, id, 'review', manager.userId);
		moveCard(mover.doc, id, 'objective', 'a1', overrideBy(manager.userId, 'review', 'objective'));
		await projected(id, (row) => row?.stage === 'objective', 'the forced move');
		await settled(watcher, mover);
		expect(flagsOf(mover, id)).toEqual([]);
		expect(flagsOf(watcher, id)).toEqual([]);
		const card = getCard(watcher.doc, id);
		expect(card && readSections(card).overrides.map((o) => o.by)).toEqual([manager.userId]);
	});

	it('does not flag the owner who forces the gate with their own override', async () => {
		const [mover, watcher] = [await connect(owner), await connect(member)];
		const id = 'gate-forced-owner-1';
		await newCard(mover, id, 'review', owner.userId);
		moveCard(mover.doc, id, 'scope', 'a1', overrideBy(owner.userId, 'review', 'scope'));
		await projected(id, (row) => row?.stage === 'scope', 'the forced move');
		await settled(watcher, mover);
		expect(flagsOf(mover, id)).toEqual([]);
	});

	it('flags a member whose override claims to be by the manager', async () => {
		const [mover, watcher] = [await connect(member), await connect(manager)];
		const id = 'gate-forged-override';
		await newCard(mover, id, 'review', member.userId);
		moveCard(mover.doc, id, 'objective', 'a1', overrideBy(manager.userId, 'review', 'objective'));
		await eventually(() => flagsOf(watcher, id).length > 0, 5000, 'the flag');
		await settled(mover, watcher);
		expect(flagsOf(watcher, id)).toEqual([
			expect.objectContaining({
				from: 'review',
				to: 'objective',
				missing: ['strengths', 'difficulties'],
				by: member.userId
			})
		]);
	});

	it('flags a member who writes an override of their own', async () => {
		const [mover, watcher] = [await connect(member), await connect(owner)];
		const id = 'gate-member-override';
		await newCard(mover, id, 'review', member.userId);
		moveCard(mover.doc, id, 'objective', 'a1', overrideBy(member.userId, 'review', 'objective'));
		await eventually(() => flagsOf(watcher, id).length > 0, 5000, 'the flag');
		expect(flagsOf(watcher, id)[0]).toMatchObject({ by: member.userId, missing: ['strengths', 'difficulties'] });
	});

	it('flags nothing for a forward move whose gates are met, nor for a move back', async () => {
		const [mover, watcher] = [await connect(member), await connect(owner)];
		const id = 'gate-met-then-back';
		await newCard(mover, id, 'review', member.userId);
		putEntry(mover.doc, id, 'strengths', 's1', { text: 'Loyal clients', rank: 'a0' });
		putEntry(mover.doc, id, 'difficulties', 'd1', { text: 'Small team', rank: 'a0' });
		moveCard(mover.doc, id, 'objective', 'a1');
		await projected(id, (row) => row?.stage === 'objective', 'the allowed move');
		await settled(watcher, mover);
		expect(flagsOf(mover, id)).toEqual([]);

		moveCard(mover.doc, id, 'ideas', 'a2');
		await projected(id, (row) => row?.stage === 'ideas', 'the move back');
		await settled(watcher, mover);
		expect(flagsOf(mover, id)).toEqual([]);
		expect(flagsOf(watcher, id)).toEqual([]);
	});

	it('flags a bare card moved back and then forward again past the gate', async () => {
		const [mover, watcher] = [await connect(member), await connect(owner)];
		const id = 'gate-back-and-forth';
		await newCard(mover, id, 'review', member.userId);
		moveCard(mover.doc, id, 'ideas', 'a1');
		await projected(id, (row) => row?.stage === 'ideas', 'the move back');
		moveCard(mover.doc, id, 'scope', 'a2');
		await eventually(() => flagsOf(watcher, id).length > 0, 5000, 'the flag');
		await settled(mover, watcher);
		expect(flagsOf(watcher, id)).toEqual([
			expect.objectContaining({
				from: 'ideas',
				to: 'scope',
				missing: ['strengths', 'difficulties', 'metric', 'baseline', 'target', 'deadline'],
				by: member.userId
			})
		]);
	});
});

describe('the card projection', () => {
	it("copies the card's owner and team into the card table, and clears them", async () => {
		const c = await connect(member);
		const id = 'gate-owner-team-01';
		await newCard(c, id, 'ideas', member.userId);
		expect(await cardRow(id)).toMatchObject({ owner_id: null, team_id: null });
		setField(c.doc, id, 'ownerId', manager.userId);
		setField(c.doc, id, 'teamId', 'team_0123456789');
		await projected(
			id,
			(row) => row?.owner_id === manager.userId && row.team_id === 'team_0123456789',
			'owner and team'
		);
		setField(c.doc, id, 'ownerId', '');
		await projected(id, (row) => row?.owner_id === null, 'owner cleared');
		expect((await cardRow(id))?.team_id).toBe('team_0123456789');
	});
});
