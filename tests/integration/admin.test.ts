import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLOSE } from '../../src/lib/domain/close-codes.ts';
import type { Db } from '../../src/lib/server/db/open.ts';
import { createColleague, createMember, createTestBoard, openTestDb, type Member } from '../factories/accounts.ts';
import { createPerson } from '../factories/people.ts';
import { startServer, type RunningServer } from '../factories/server.ts';
import { connectClient, whenSynced, type Client } from '../factories/yclient.ts';

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

/** A form of the admin pages, posted as a browser without JavaScript would. */
function post(who: Member, path: string, action: string, fields: Record<string, string>): Promise<Response> {
	return fetch(`${server.url}${path}?/${action}`, {
		method: 'POST',
		headers: { Origin: server.url, Cookie: who.cookie, 'Content-Type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams(fields),
		redirect: 'manual'
	});
}

async function get(who: Member | null, path: string): Promise<Response> {
	return fetch(`${server.url}${path}`, { headers: who ? { Cookie: who.cookie } : {}, redirect: 'manual' });
}

/** A live editor's connection to a board, and a promise of its close code with how long it took to come. */
async function openSocket(who: Member, boardId: string): Promise<() => Promise<{ code: number; after: number }>> {
	const client = connectClient(server.url, boardId, who.cookie);
	clients.push(client);
	await whenSynced(client);
	const ws = client.provider.ws;
	if (!ws) throw new Error('no socket');
	const closed = new Promise<number>((resolve) => ws.addEventListener('close', (event) => resolve(event.code)));
	return async () => {
		const start = Date.now();
		const code = await Promise.race([closed, new Promise<number>((r) => setTimeout(() => r(-1), 6000))]);
		return { code, after: Date.now() - start };
	};
}

/** The HTTP status the sync door answers an upgrade with (101 when it lets the person in). */
function doorStatus(who: Member, boardId: string): Promise<number> {
	return new Promise((resolve) => {
		const ws = new WebSocket(`${server.url.replace('http', 'ws')}/sync/${boardId}`, {
			headers: { Cookie: who.cookie, Origin: server.url }
		});
		ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
		ws.on('open', () => {
			resolve(101);
			ws.close();
		});
		ws.on('error', () => {});
	});
}

const sessions = async (userId: string) =>
	(await db.selectFrom('session').select('id').where('user_id', '=', userId).execute()).length;

describe('removing and downgrading people closes their live connections', () => {
	it('removing someone who still has another organisation closes their socket as "not found" within 5 s', async () => {
		const boardId = await createTestBoard(db, owner, 'Removal');
		const colleague = await createColleague(db, owner, 'Rémi'); // also owns an organisation of his own
		const closeOf = await openSocket(colleague, boardId);
		const pending = closeOf();
		expect((await post(owner, '/admin', 'remove', { userId: colleague.userId })).status).toBe(200);
		const { code, after } = await pending;
		expect(code).toBe(CLOSE.notFound);
		expect(after).toBeLessThan(5000);
		expect(await sessions(colleague.userId)).toBe(1); // still at home elsewhere
		expect(await doorStatus(colleague, boardId)).toBe(404);
	});

	it('removing someone from their only organisation ends their sessions: the socket closes as "unauthorized"', async () => {
		const boardId = await createTestBoard(db, owner, 'Only home');
		const person = await createPerson(db, owner.organizationId, 'Solène');
		const closeOf = await openSocket(person, boardId);
		const pending = closeOf();
		expect((await post(owner, '/admin', 'remove', { userId: person.userId })).status).toBe(200);
		const { code, after } = await pending;
		expect(code).toBe(CLOSE.unauthorized);
		expect(after).toBeLessThan(5000);
		expect(await sessions(person.userId)).toBe(0);
		expect((await get(person, '/boards')).headers.get('location')).toMatch(/^\/login/);
	});

	it('a member turned guest has their socket closed as "not found", and the board door then answers 404', async () => {
		const boardId = await createTestBoard(db, owner, 'Downgrade');
		const person = await createPerson(db, owner.organizationId, 'Gilles');
		expect(await doorStatus(person, boardId)).toBe(101);
		const closeOf = await openSocket(person, boardId);
		const pending = closeOf();
		const res = await post(owner, '/admin', 'role', { userId: person.userId, role: 'guest', company: 'Client SA' });
		expect(res.status).toBe(200);
		const { code, after } = await pending;
		expect(code).toBe(CLOSE.notFound);
		expect(after).toBeLessThan(5000);
		expect(await doorStatus(person, boardId)).toBe(404);
		expect((await get(person, `/b/${boardId}`)).status).toBe(404);
		const row = await db
			.selectFrom('membership')
			.select(['role', 'company'])
			.where('user_id', '=', person.userId)
			.executeTakeFirst();
		expect(row).toEqual({ role: 'guest', company: 'Client SA' });
	});

	it('taking someone out of the team that opens a restricted board closes their socket', async () => {
		const boardId = await createTestBoard(db, owner, 'Restricted');
		const person = await createPerson(db, owner.organizationId, 'Théo');
		expect((await post(owner, '/admin/teams', 'create', { name: 'Atelier', color: '#2f7d4f' })).status).toBe(200);
		const team = await db
			.selectFrom('team')
			.select('id')
			.where('organization_id', '=', owner.organizationId)
			.where('name', '=', 'Atelier')
			.executeTakeFirstOrThrow();
		await post(owner, '/admin/teams', 'addMember', { teamId: team.id, userId: person.userId });
		await db.updateTable('board').set({ visibility: 'restricted' }).where('id', '=', boardId).execute();
		await db
			.insertInto('board_grant')
			.values({ board_id: boardId, subject: 'team', subject_id: team.id, level: 'edit' })
			.execute();
		const closeOf = await openSocket(person, boardId);
		const pending = closeOf();
		await post(owner, '/admin/teams', 'removeMember', { teamId: team.id, userId: person.userId });
		expect((await pending).code).toBe(CLOSE.notFound);
	});
});

describe('who may use the admin pages', () => {
	it('sends anonymous visitors to the login page, and refuses members and guests with 403', async () => {
		const member = await createPerson(db, owner.organizationId, 'Mia');
		const guest = await createPerson(db, owner.organizationId, 'Gaby', 'guest');
		for (const path of ['/admin', '/admin/teams']) {
			const anonymous = await get(null, path);
			expect(anonymous.status).toBe(303);
			expect(anonymous.headers.get('location')).toBe(`/login?next=${encodeURIComponent(path)}`);
			expect((await get(member, path)).status).toBe(403);
			expect((await get(guest, path)).status).toBe(403);
			expect((await get(owner, path)).status).toBe(200);
		}
		expect((await post(member, '/admin', 'remove', { userId: guest.userId })).status).toBe(403);
		expect((await post(member, '/admin/teams', 'create', { name: 'Pirates', color: '#2f7d4f' })).status).toBe(403);
		expect(await sessions(guest.userId)).toBe(1);
	});

	it('lets a manager handle members but never touch an owner, make a manager, or change themselves', async () => {
		const manager = await createPerson(db, owner.organizationId, 'Manon', 'manager');
		const member = await createPerson(db, owner.organizationId, 'Marius');
		expect((await get(manager, '/admin')).status).toBe(200);
		const asManager = (action: string, fields: Record<string, string>) => post(manager, '/admin', action, fields);
		expect((await asManager('role', { userId: owner.userId, role: 'member' })).status).toBe(403);
		expect((await asManager('remove', { userId: owner.userId })).status).toBe(403);
		expect((await asManager('role', { userId: member.userId, role: 'manager' })).status).toBe(403);
		expect((await asManager('role', { userId: manager.userId, role: 'member' })).status).toBe(403);
		expect((await asManager('role', { userId: member.userId, role: 'guest', company: 'Partenaire' })).status).toBe(200);
		const roles = await db
			.selectFrom('membership')
			.select(['user_id', 'role'])
			.where('organization_id', '=', owner.organizationId)
			.where('user_id', 'in', [owner.userId, manager.userId, member.userId])
			.execute();
		expect(Object.fromEntries(roles.map((r) => [r.user_id, r.role]))).toEqual({
			[owner.userId]: 'owner',
			[manager.userId]: 'manager',
			[member.userId]: 'guest'
		});
	});

	it('answers 404 for a person of another organisation', async () => {
		const stranger = await createMember(db, 'Stranger');
		expect((await post(owner, '/admin', 'remove', { userId: stranger.userId })).status).toBe(404);
		expect(await sessions(stranger.userId)).toBe(1);
	});
});
