import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCard, moveCard, type GateOverride } from '../../src/lib/board/commands.ts';
import { setField } from '../../src/lib/board/section-commands.ts';
import { readFlags } from '../../src/lib/board/feed.ts';
import { readWipLimits } from '../../src/lib/board/wip-limits.ts';
import type { Stage } from '../../src/lib/domain/stages.ts';
import type { Db } from '../../src/lib/server/db/open.ts';
import { newId } from '../../src/lib/server/ids.ts';
import { createColleague, createMember, createTestBoard, openTestDb, type Member } from '../factories/accounts.ts';
import { startServer, type RunningServer } from '../factories/server.ts';
import { connectClient, connectFeed, eventually, whenSynced, type Client } from '../factories/yclient.ts';

/**
 * Limits of live initiatives, end to end: set through the settings form, then real y-websocket
 * clients write moves straight into the document (as a modified browser could); the server flags
 * the ones that broke a limit without a manager's override of it.
 */

let server: RunningServer;
let db: Db;
let owner: Member;
let manager: Member;
let member: Member;
let boardId: string;
let feed: Client;
const clients: Client[] = [];

function saveLimits(who: Member, fields: Record<string, string>): Promise<Response> {
	return fetch(`${server.url}/b/${boardId}/settings?/limits`, {
		method: 'POST',
		headers: { Origin: server.url, Cookie: who.cookie, 'Content-Type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams(fields),
		redirect: 'manual'
	});
}

async function connect(person: Member): Promise<Client> {
	const c = connectClient(server.url, boardId, person.cookie);
	clients.push(c);
	await whenSynced(c);
	return c;
}

async function stageOf(cardId: string): Promise<string | undefined> {
	const row = await db.selectFrom('card').select('stage').where('id', '=', cardId).executeTakeFirst();
	return row?.stage;
}

async function projectedIn(cardId: string, stage: Stage): Promise<void> {
	const start = Date.now();
	while ((await stageOf(cardId)) !== stage) {
		if (Date.now() - start > 5000) throw new Error(`${cardId} never projected in ${stage}`);
		await new Promise((r) => setTimeout(r, 25));
	}
}

async function newCard(c: Client, id: string, stage: Stage, by: string): Promise<void> {
	createCard(c.doc, { id, title: id, stage, rank: 'a0', createdBy: by });
	await projectedIn(id, stage);
}

function limitOverride(by: string, missing: string[]): GateOverride {
	const record = {
		from: 'review' as const,
		to: 'ideas' as const,
		reason: 'Agreed at the Monday meeting',
		missing,
		by,
		at: Date.now()
	};
	return { id: `wip-override-${missing.length}-${by}`.slice(0, 40), record };
}

beforeAll(async () => {
	server = await startServer();
	db = openTestDb(server.dbPath);
	owner = await createMember(db, 'Olivia');
	boardId = await createTestBoard(db, owner);
	manager = await createColleague(db, owner, 'Manon', 'manager');
	member = await createColleague(db, owner, 'Marc');
	feed = connectFeed(server.url, boardId, owner.cookie);
	clients.push(feed);
	await whenSynced(feed);
});

afterAll(async () => {
	for (const c of clients) c.destroy();
	await Promise.race([server?.stop(), new Promise((r) => setTimeout(r, 10_000))]);
	await server?.kill();
	await db?.destroy();
});

describe('limits of live initiatives', () => {
	it('are set by owners and managers only, as whole numbers, and reach every open board', async () => {
		expect((await saveLimits(member, { 'stage-ideas': '1' })).status).toBe(403);
		expect((await saveLimits(owner, { 'stage-ideas': '0' })).status).toBe(400);
		expect((await saveLimits(owner, { 'stage-ideas': '1.5' })).status).toBe(400);
		expect((await saveLimits(manager, { 'stage-ideas': '1', 'stage-rollout': '' })).status).toBe(200);
		await eventually(() => readWipLimits(feed.doc).stages.ideas === 1, 5000, 'the limit in the feed');
		expect(readWipLimits(feed.doc)).toEqual({ stages: { ideas: 1 }, teams: {} });
	});

	it("flags a member's move into a full stage (a move back), and not a manager's override of it", async () => {
		const [mover, boss] = [await connect(member), await connect(manager)];
		await newCard(mover, 'wip-first-idea-01', 'ideas', member.userId);
		await newCard(mover, 'wip-member-card-1', 'review', member.userId);
		await newCard(boss, 'wip-gate-only-001', 'review', manager.userId);
		await newCard(boss, 'wip-manager-card1', 'review', manager.userId);

		moveCard(mover.doc, 'wip-member-card-1', 'ideas', 'a1');
		await eventually(() => readFlags(feed.doc, 'wip-member-card-1').length > 0, 5000, 'the flag');
		expect(readFlags(feed.doc, 'wip-member-card-1')[0]).toMatchObject({
			from: 'review',
			to: 'ideas',
			missing: ['stage-limit'],
			by: member.userId
		});

		// An override that does not name the limit does not cover it.
		moveCard(boss.doc, 'wip-gate-only-001', 'ideas', 'a2', limitOverride(manager.userId, []));
		await eventually(() => readFlags(feed.doc, 'wip-gate-only-001').length > 0, 5000, 'the uncovered flag');

		moveCard(boss.doc, 'wip-manager-card1', 'ideas', 'a3', limitOverride(manager.userId, ['stage-limit']));
		await projectedIn('wip-manager-card1', 'ideas');
		// Moving within the full column changes no count: no flag either.
		moveCard(mover.doc, 'wip-first-idea-01', 'ideas', 'a4');
		await new Promise((r) => setTimeout(r, 400));
		expect(readFlags(feed.doc, 'wip-manager-card1')).toEqual([]);
		expect(readFlags(feed.doc, 'wip-first-idea-01')).toEqual([]);
	});

	it("hold a team limit for the organisation's teams only, and flag a move that brings a team over it", async () => {
		const teamId = newId();
		await db
			.insertInto('team')
			.values({ id: teamId, organization_id: owner.organizationId, name: 'Ventes', color: '#336699' })
			.execute();
		// A field for a team of no organisation of this board is ignored; an empty one is no limit.
		const saved = await saveLimits(owner, {
			[`team-${teamId}`]: '1',
			'team-someone-elses-team': '1',
			'stage-ideas': ''
		});
		expect(saved.status).toBe(200);
		await eventually(() => readWipLimits(feed.doc).teams[teamId] === 1, 5000, 'the team limit');
		expect(readWipLimits(feed.doc)).toEqual({ stages: {}, teams: { [teamId]: 1 } });

		const mover = await connect(member);
		for (const id of ['wip-team-card-001', 'wip-team-card-002']) {
			await newCard(mover, id, 'ideas', member.userId);
			setField(mover.doc, id, 'teamId', teamId);
		}
		moveCard(mover.doc, 'wip-team-card-001', 'review', 'a5'); // the team's first live initiative: fine
		await projectedIn('wip-team-card-001', 'review');
		moveCard(mover.doc, 'wip-team-card-002', 'review', 'a6');
		await eventually(() => readFlags(feed.doc, 'wip-team-card-002').length > 0, 5000, 'the team flag');
		expect(readFlags(feed.doc, 'wip-team-card-002')[0]?.missing).toEqual(['team-limit']);
		expect(readFlags(feed.doc, 'wip-team-card-001')).toEqual([]);
	});
});
