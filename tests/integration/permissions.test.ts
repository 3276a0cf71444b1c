import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCard } from '../../src/lib/board/commands.ts';
import { setSharing } from '../../src/lib/board/sharing.ts';
import type { Db } from '../../src/lib/server/db/open.ts';
import { createMember, createTestBoard, openTestDb, type Member } from '../factories/accounts.ts';
import { createPerson } from '../factories/people.ts';
import { startServer, type RunningServer } from '../factories/server.ts';
import { startStandup } from '../../src/lib/server/services/standups.ts';
import { connectClient, whenSynced } from '../factories/yclient.ts';

/**
 * The permission walk: every page, form action, endpoint and the websocket, for every kind of person,
 * against what src/lib/domain/permissions.ts says they may do. A door that lets the wrong person in,
 * or hints at a board to a stranger (anything but 404), fails here.
 */

const ROLES = ['owner', 'manager', 'member', 'observer', 'guest', 'outsider', 'anonymous'] as const;
type Who = (typeof ROLES)[number];
/** ok: 200 · next: 303 elsewhere than login · login: 303 to /login · portal: 303 to /portal · a status. */
type Outcome = 'ok' | 'next' | 'login' | 'portal' | 400 | 403 | 404 | 401;
type Body = Record<string, string> | ((who: Who) => Record<string, string>);
type Row = [method: 'GET' | 'POST' | 'WS', path: string, expected: Outcome[], body?: Body];

let server: RunningServer;
let db: Db;
const people = {} as Record<Exclude<Who, 'anonymous'>, Member>;
let boardId = '';
let standupId = '';
const cardId = 'card_shared_with_guests';

beforeAll(async () => {
	server = await startServer();
	db = openTestDb(server.dbPath);
	people.owner = await createMember(db, 'Owner');
	const org = people.owner.organizationId;
	people.manager = await createPerson(db, org, 'Manon', 'manager');
	people.member = await createPerson(db, org, 'Marc', 'member');
	people.observer = await createPerson(db, org, 'Olga', 'member');
	people.guest = await createPerson(db, org, 'Gilles', 'guest', 'Client SA');
	people.outsider = await createMember(db, 'Outsider');
	boardId = await createTestBoard(db, people.owner, 'Walked');
	await db
		.insertInto('board_grant')
		.values({ board_id: boardId, subject: 'user', subject_id: people.observer.userId, level: 'read' })
		.execute();
	const client = connectClient(server.url, boardId, people.owner.cookie);
	await whenSynced(client);
	client.doc.transact(() => {
		createCard(client.doc, { id: cardId, title: 'Shared', stage: 'ideas', rank: 'a0', createdBy: people.owner.userId });
		setSharing(client.doc, cardId, { mode: 'companies', companies: ['Client SA'] });
	});
	await untilShared();
	client.destroy();
	standupId = (await startStandup(db, { boardId, facilitatorId: people.owner.userId, locale: 'fr', timeBox: 90 })).id;
}, 30_000);

afterAll(async () => {
	await server.stop();
	await db.destroy();
});

async function untilShared(): Promise<void> {
	for (let tries = 0; tries < 100; tries++) {
		const row = await db.selectFrom('card').select('shared_with').where('id', '=', cardId).executeTakeFirst();
		if (row?.shared_with.includes('Client SA')) return;
		await new Promise((r) => setTimeout(r, 50));
	}
	throw new Error('the shared card was not projected');
}

function headersOf(who: Who): Record<string, string> {
	const headers: Record<string, string> = { Origin: server.url, Accept: 'text/html' };
	if (who !== 'anonymous') headers.Cookie = people[who].cookie;
	return headers;
}

/** What the server answered, in the table's words. */
function outcomeOf(res: Response): Outcome | number {
	if (res.status === 200) return 'ok';
	if (res.status !== 303) return res.status;
	const location = res.headers.get('location') ?? '';
	if (location.startsWith('/login')) return 'login';
	return location.startsWith('/portal') ? 'portal' : 'next';
}

async function http(who: Who, method: 'GET' | 'POST', path: string, body?: Record<string, string>) {
	const headers = headersOf(who);
	if (body) headers['Content-Type'] = 'application/x-www-form-urlencoded';
	const res = await fetch(server.url + path, {
		method,
		headers,
		body: body ? new URLSearchParams(body) : undefined,
		redirect: 'manual'
	});
	await res.body?.cancel(); // the events stream never ends by itself
	return outcomeOf(res);
}

/** 'ok' when the upgrade is accepted, else the HTTP refusal. */
function socket(who: Who, path: string): Promise<Outcome | number> {
	return new Promise((resolve) => {
		const ws = new WebSocket(server.url.replace('http', 'ws') + path, { headers: headersOf(who) });
		ws.on('open', () => {
			resolve('ok');
			ws.close();
		});
		ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
		ws.on('error', () => {});
	});
}

//                                       owner    manager  member   observer guest     outsider anonymous
const table = (): Row[] => [
	['GET', '/boards', ['ok', 'ok', 'ok', 'ok', 'portal', 'ok', 'login']],
	['GET', `/b/${boardId}`, ['ok', 'ok', 'ok', 'ok', 404, 404, 'login']],
	['GET', `/b/${boardId}/c/${cardId}`, ['ok', 'ok', 'ok', 'ok', 404, 404, 'login']],
	['GET', `/b/${boardId}/settings`, ['ok', 'ok', 403, 403, 404, 404, 'login']],
	['GET', `/b/${boardId}/access`, ['ok', 'ok', 403, 403, 404, 404, 'login']],
	['GET', '/admin', ['ok', 'ok', 403, 403, 403, 'ok', 'login']],
	['GET', '/admin/teams', ['ok', 'ok', 403, 403, 403, 'ok', 'login']],
	['GET', '/admin/invitations', ['ok', 'ok', 403, 403, 403, 'ok', 'login']],
	['GET', '/account', ['ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'login']],
	['GET', '/portal', [403, 403, 403, 403, 'ok', 403, 'login']],
	['GET', `/portal/${boardId}`, [403, 403, 403, 403, 'ok', 403, 'login']],
	['GET', `/portal/${boardId}/events`, [404, 404, 404, 404, 'ok', 404, 'login']],
	['POST', '/boards?/create', ['next', 'next', 'next', 'next', 403, 'next', 'login'], { name: 'New' }],
	['POST', '/boards?/rename', ['ok', 'ok', 403, 403, 404, 404, 'login'], { boardId, name: 'Walked' }],
	['POST', `/b/${boardId}/settings?/addObjective`, ['ok', 'ok', 403, 403, 404, 404, 'login'], { title: 'Goal' }],
	['POST', `/b/${boardId}/settings?/limits`, ['ok', 'ok', 403, 403, 404, 404, 'login'], { 'stage-rollout': '5' }],
	[
		'POST',
		`/b/${boardId}/access?/visibility`,
		['ok', 'ok', 403, 403, 404, 404, 'login'],
		{ visibility: 'organisation' }
	],
	[
		'POST',
		'/admin/teams?/create',
		['ok', 'ok', 403, 403, 403, 'ok', 'login'],
		(who) => ({ name: `Team of ${who}`, color: '#2f7d4f' })
	],
	[
		'POST',
		`/b/${boardId}/c/${cardId}?/createTeam`,
		['ok', 'ok', 403, 403, 404, 404, 'login'],
		(who) => ({ name: `First team of ${who}` })
	],
	[
		'POST',
		'/admin/invitations?/create',
		['ok', 'ok', 403, 403, 403, 'ok', 'login'],
		{ role: 'member', days: '7', company: '', boardId: '' }
	],
	[
		'POST',
		`/portal/${boardId}?/feedback`,
		[404, 404, 404, 404, 'ok', 404, 'login'],
		{ cardId, kind: 'idea', text: 'Nice' }
	],
	['GET', `/b/${boardId}/standup`, ['ok', 'ok', 'ok', 'ok', 404, 404, 'login']],
	['POST', `/b/${boardId}/standup?/start`, ['next', 'next', 403, 403, 404, 404, 'login'], {}],
	['GET', `/b/${boardId}/standup/${standupId}`, ['ok', 'ok', 'ok', 'ok', 404, 404, 'login']],
	[
		'POST',
		`/b/${boardId}/standup/${standupId}?/decide`,
		['ok', 'ok', 'ok', 403, 404, 404, 'login'],
		{ cardId, text: 'Relancer le client', ownerId: '', due: '' }
	],
	// Last of the stand-up's doors: the owner ends it, the manager then finds it ended.
	['POST', `/b/${boardId}/standup/${standupId}?/close`, ['next', 'next', 403, 403, 404, 404, 'login'], {}],
	['GET', `/standups/${standupId}`, ['ok', 'ok', 'ok', 'ok', 404, 404, 'login']],
	['GET', `/standups/${standupId}/summary.md`, ['ok', 'ok', 'ok', 'ok', 404, 404, 'login']],
	[
		'POST',
		`/b/${boardId}/settings?/standup`,
		['ok', 'ok', 403, 403, 404, 404, 'login'],
		{ day: '1', time: '09:30', timeBox: '90', length: '15' }
	],
	['GET', `/b/${boardId}/metrics`, ['ok', 'ok', 'ok', 'ok', 404, 404, 'login']],
	['GET', `/b/${boardId}/metrics/export?figure=cumulative`, ['ok', 'ok', 'ok', 'ok', 404, 404, 'login']],
	// The organisation's metrics: every member of one (the outsider sees their own); guests never.
	['GET', '/metrics', ['ok', 'ok', 'ok', 'ok', 404, 'ok', 'login']],
	['GET', '/metrics/export?figure=portfolio', ['ok', 'ok', 'ok', 'ok', 404, 'ok', 'login']],
	['GET', `/b/${boardId}/transfer`, ['ok', 'ok', 'ok', 'ok', 404, 404, 'login']],
	['GET', `/b/${boardId}/transfer/initiatives.csv`, ['ok', 'ok', 'ok', 'ok', 404, 404, 'login']],
	['GET', `/b/${boardId}/transfer/board.json`, ['ok', 'ok', 403, 403, 404, 404, 'login']],
	// An empty form: managers are told to choose a file (400), and nothing is restored.
	['POST', `/b/${boardId}/transfer?/restore`, [400, 400, 403, 403, 404, 404, 'login'], {}],
	['GET', `/b/${boardId}/transfer/trello`, ['ok', 'ok', 403, 403, 404, 404, 'login']],
	['POST', `/b/${boardId}/transfer/trello?/preview`, [400, 400, 403, 403, 404, 404, 'login'], {}],
	['POST', `/b/${boardId}/transfer/trello?/import`, [400, 400, 403, 403, 404, 404, 'login'], {}],
	['WS', `/sync/${boardId}`, ['ok', 'ok', 'ok', 'ok', 404, 404, 401]],
	[
		'POST',
		'/account?/createToken',
		['ok', 'ok', 'ok', 'ok', 403, 'ok', 'login'],
		{ name: 'CI', access: 'read', expires: '30' }
	],
	['POST', '/account?/revokeToken', [404, 404, 404, 404, 404, 404, 'login'], { tokenId: 'not_a_token_of_yours' }],
	['GET', '/admin/webhooks', ['ok', 'ok', 403, 403, 403, 'ok', 'login']],
	[
		'POST',
		'/admin/webhooks?/create',
		['ok', 'ok', 403, 403, 403, 'ok', 'login'],
		{ url: 'http://127.0.0.1:9/hook', events: 'card.created', boardId: '' }
	],
	['POST', '/admin/webhooks?/test', [404, 404, 403, 403, 403, 404, 'login'], { webhookId: 'not_a_hook_of_yours' }],
	['GET', '/api/docs', ['ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok']],
	['GET', '/api/v1/openapi.json', ['ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok']],
	// The API ignores cookies: every session here is refused; tokens are walked in api.test.ts.
	['GET', '/api/v1/boards', [401, 401, 401, 401, 401, 401, 401]],
	['GET', `/api/v1/boards/${boardId}/cards`, [401, 401, 401, 401, 401, 401, 401]]
];

describe('the permission walk', () => {
	it('every door answers every kind of person as the permission table says', async () => {
		const mismatches: string[] = [];
		for (const [method, path, expected, body] of table()) {
			for (const [i, who] of ROLES.entries()) {
				const fields = typeof body === 'function' ? body(who) : body;
				const got = method === 'WS' ? await socket(who, path) : await http(who, method, path, fields);
				if (got !== expected[i]) mismatches.push(`${method} ${path} as ${who}: expected ${expected[i]}, got ${got}`);
			}
		}
		expect(mismatches).toEqual([]);
	}, 60_000);

	it('an observer connects read-only: the server says so at the door', async () => {
		const res = await fetch(`${server.url}/b/${boardId}`, { headers: headersOf('observer') });
		expect(await res.text()).toContain('Lecture seule');
	});
});
