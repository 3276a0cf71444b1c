import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCard } from '../../src/lib/board/commands.ts';
import { readCards } from '../../src/lib/board/schema.ts';
import { CLOSE } from '../../src/lib/domain/close-codes.ts';
import type { Db } from '../../src/lib/server/db/open.ts';
import { createColleague, createMember, createTestBoard, openTestDb, type Member } from '../factories/accounts.ts';
import { until } from '../factories/portal.ts';
import { startServer, type RunningServer } from '../factories/server.ts';
import { connectClient, eventually, whenSynced, type Client } from '../factories/yclient.ts';

let server: RunningServer;
let db: Db;
let owner: Member;
const clients: Client[] = [];

beforeAll(async () => {
	server = await startServer();
	db = openTestDb(server.dbPath);
	owner = await createMember(db, 'Owner');
});

afterAll(async () => {
	for (const client of clients) client.destroy();
	await server.stop();
	await db.destroy();
});

function connect(who: Member, boardId: string): Client {
	const client = connectClient(server.url, boardId, who.cookie);
	clients.push(client);
	return client;
}

/** The board's access page form, as a browser posts it. */
function postAccess(boardId: string, action: string, fields: Record<string, string>): Promise<Response> {
	return fetch(`${server.url}/b/${boardId}/access?/${action}`, {
		method: 'POST',
		headers: { Origin: server.url, Cookie: owner.cookie, 'Content-Type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams(fields)
	});
}

function closeCodeOf(client: Client): Promise<number> {
	return new Promise((resolve) => client.provider.ws?.addEventListener('close', (event) => resolve(event.code)));
}

async function addTeam(name: string, ...members: Member[]): Promise<string> {
	const id = `team_${name.toLowerCase()}_${Date.now()}`;
	await db.insertInto('team').values({ id, organization_id: owner.organizationId, name, color: '#336699' }).execute();
	for (const m of members) await db.insertInto('team_member').values({ team_id: id, user_id: m.userId }).execute();
	return id;
}

async function pageStatus(who: Member, boardId: string): Promise<number> {
	const res = await fetch(`${server.url}/b/${boardId}`, { headers: { Cookie: who.cookie }, redirect: 'manual' });
	return res.status;
}

describe('board access', () => {
	it('an observer follows the board live, but the server drops their writes', async () => {
		const boardId = await createTestBoard(db, owner, 'Observed');
		const observer = await createColleague(db, owner, 'Olive');
		expect((await postAccess(boardId, 'grant', { who: `user:${observer.userId}`, level: 'read' })).status).toBe(200);

		const writer = connect(owner, boardId);
		const watcher = connect(observer, boardId);
		await Promise.all([whenSynced(writer), whenSynced(watcher)]);
		createCard(watcher.doc, { id: 'card_from_observer', title: 'Sneaky', stage: 'ideas', rank: 'a0', createdBy: '' });
		createCard(writer.doc, { id: 'card_from_owner', title: 'Real', stage: 'ideas', rank: 'a1', createdBy: '' });
		await eventually(() => readCards(watcher.doc).some((c) => c.id === 'card_from_owner'), 5000, 'owner card');
		// The owner's card came through after the observer's write: had it been accepted, it would be there too.
		await eventually(() => readCards(writer.doc).length === 1, 5000, 'owner doc settled');
		expect(readCards(writer.doc).map((c) => c.title)).toEqual(['Real']);
		// The projection follows the document asynchronously: wait for it to hold the owner's card.
		const stored = async () =>
			(await db.selectFrom('card').select('title').where('board_id', '=', boardId).execute()).map((r) => r.title);
		await until(async () => (await stored()).includes('Real'), 'the projection of the owner card');
		expect(await stored()).toEqual(['Real']);
	});

	it('a restricted board opens only to its teams and people; others get 404 as if it did not exist', async () => {
		const boardId = await createTestBoard(db, owner, 'Restricted');
		const inTeam = await createColleague(db, owner, 'Ines');
		const outside = await createColleague(db, owner, 'Oscar');
		const team = await addTeam('Qualite', inTeam);
		expect((await postAccess(boardId, 'visibility', { visibility: 'restricted' })).status).toBe(200);
		expect(await pageStatus(outside, boardId)).toBe(404);
		expect(await pageStatus(inTeam, boardId)).toBe(404);
		await postAccess(boardId, 'grant', { who: `team:${team}`, level: 'edit' });
		expect(await pageStatus(inTeam, boardId)).toBe(200);
		expect(await pageStatus(outside, boardId)).toBe(404);
		expect(await pageStatus(owner, boardId)).toBe(200); // owners always reach their boards
	});

	it('taking someone off a board closes their open socket at once', async () => {
		const boardId = await createTestBoard(db, owner, 'Closing');
		const member = await createColleague(db, owner, 'Maya');
		const client = connect(member, boardId);
		await whenSynced(client);
		const closed = closeCodeOf(client);
		const started = Date.now();
		await postAccess(boardId, 'visibility', { visibility: 'restricted' });
		expect(await closed).toBe(CLOSE.notFound);
		expect(Date.now() - started).toBeLessThan(5000);
	});

	it('turning an editor into an observer closes their socket so their page reloads read-only', async () => {
		const boardId = await createTestBoard(db, owner, 'Downgrade');
		const member = await createColleague(db, owner, 'Noa');
		const client = connect(member, boardId);
		await whenSynced(client);
		const closed = closeCodeOf(client);
		await postAccess(boardId, 'grant', { who: `user:${member.userId}`, level: 'read' });
		expect(await closed).toBe(CLOSE.forbidden);
	});

	it('only managers change the list; a person of another organisation cannot be listed', async () => {
		const boardId = await createTestBoard(db, owner, 'Guarded');
		const member = await createColleague(db, owner, 'Lou');
		const stranger = await createMember(db, 'Stranger');
		const asMember = await fetch(`${server.url}/b/${boardId}/access?/visibility`, {
			method: 'POST',
			headers: { Origin: server.url, Cookie: member.cookie, 'Content-Type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams({ visibility: 'restricted' })
		});
		expect(asMember.status).toBe(403);
		const res = await postAccess(boardId, 'grant', { who: `user:${stranger.userId}`, level: 'edit' });
		expect(await res.json()).toMatchObject({ type: 'failure', status: 400 });
		expect(await db.selectFrom('board_grant').selectAll().where('board_id', '=', boardId).execute()).toEqual([]);
	});
});

describe('presence', () => {
	it('a client cannot show up under someone else’s name: the connection is closed', async () => {
		const boardId = await createTestBoard(db, owner, 'Presence');
		const member = await createColleague(db, owner, 'Pia');
		const honest = connect(member, boardId);
		await whenSynced(honest);
		honest.provider.awareness.setLocalStateField('user', { id: member.userId, name: 'Pia', color: '#336699' });
		const liar = connect(member, boardId);
		await whenSynced(liar);
		const closed = closeCodeOf(liar);
		liar.provider.awareness.setLocalStateField('user', { id: owner.userId, name: 'Owner', color: '#336699' });
		expect(await closed).toBe(CLOSE.badMessage);
		expect(honest.provider.wsconnected).toBe(true);
	});
});
