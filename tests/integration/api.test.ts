import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardComments } from '../../src/lib/board/comments.ts';
import { cardSignals } from '../../src/lib/board/signals.ts';
import { getCard, readCard } from '../../src/lib/board/schema.ts';
import type { Db } from '../../src/lib/server/db/open.ts';
import { revokeApiToken } from '../../src/lib/server/auth/api-tokens.ts';
import { RATE_LIMITS } from '../../src/lib/server/rate-limit.ts';
import type { Member } from '../factories/accounts.ts';
import { callApi, createToken } from '../factories/api.ts';
import { startCardBoard, type CardBoard } from '../factories/card-board.ts';
import type { RunningServer } from '../factories/server.ts';
import { eventually } from '../factories/yclient.ts';

let setup: CardBoard;
let server: RunningServer;
let db: Db;
let owner: Member;
let member: Member;
let boardId: string;
let cardId: string;
/** Tokens: the owner's (read-write and read-only), a member's, the observer's, a stranger's. */
let write: string;
let read: string;
let memberToken: string;
let observerToken: string;
let strangerToken: string;

beforeAll(async () => {
	setup = await startCardBoard('Owner', ['Marc']);
	({ server, db, owner, boardId, cardId } = setup);
	member = setup.colleagues[0]!;
	write = await createToken(db, owner, 'write');
	read = await createToken(db, owner, 'read');
	memberToken = await createToken(db, member, 'write');
	observerToken = await createToken(db, setup.observer, 'write');
	strangerToken = await createToken(db, setup.stranger, 'write');
	cards = `/boards/${boardId}/cards`;
	card = `${cards}/${cardId}`;
}, 30_000);

afterAll(() => setup.close());

const api = (token: string | null, method: 'GET' | 'POST', path: string, body?: unknown) =>
	callApi(server.url, token, method, path, body);
let cards = '';
let card = '';

/** Waits until the projection (which the list reads) holds `count` cards of the board. */
async function projected(count: number): Promise<void> {
	for (let tries = 0; tries < 100; tries++) {
		const rows = await db.selectFrom('card').select('id').where('board_id', '=', boardId).execute();
		if (rows.length >= count) return;
		await new Promise((r) => setTimeout(r, 50));
	}
	throw new Error(`fewer than ${count} projected cards`);
}

describe('authentication', () => {
	it('takes a bearer token only: no token, an unknown one, or the session cookie get 401', async () => {
		expect((await api(null, 'GET', '/boards')).status).toBe(401);
		const unknown = await api('bt_unknown', 'GET', '/boards');
		expect(unknown.status).toBe(401);
		expect(unknown.body.error.code).toBe('unauthorized');
		expect(unknown.headers.get('www-authenticate')).toBe('Bearer');
		const withCookie = await fetch(`${server.url}/api/v1/boards`, { headers: { Cookie: owner.cookie } });
		expect(withCookie.status).toBe(401);
	});

	it('a token does not open pages', async () => {
		const res = await fetch(`${server.url}/account`, {
			headers: { Authorization: `Bearer ${write}` },
			redirect: 'manual'
		});
		expect(res.status).toBe(303);
		expect(res.headers.get('location')).toMatch(/^\/login/);
	});

	it('a revoked or expired token gets 401', async () => {
		const revoked = await createToken(db, owner, 'read');
		expect((await api(revoked, 'GET', '/boards')).status).toBe(200);
		const row = await db
			.selectFrom('api_token')
			.select('id')
			.where('last_used_at', 'is not', null)
			.orderBy('created_at', 'desc')
			.executeTakeFirstOrThrow();
		expect(await revokeApiToken(db, owner.userId, row.id)).toBe(true);
		expect((await api(revoked, 'GET', '/boards')).status).toBe(401);
		const expired = await createToken(db, owner, 'read', Date.now() - 1);
		expect((await api(expired, 'GET', '/boards')).status).toBe(401);
	});

	it('records when a token was last used', async () => {
		const fresh = await createToken(db, owner, 'read');
		const before = await db
			.selectFrom('api_token')
			.select(['id', 'last_used_at'])
			.orderBy('created_at', 'desc')
			.executeTakeFirstOrThrow();
		expect(before.last_used_at).toBeNull();
		await api(fresh, 'GET', '/boards');
		const after = await db
			.selectFrom('api_token')
			.select('last_used_at')
			.where('id', '=', before.id)
			.executeTakeFirstOrThrow();
		expect(after.last_used_at).toBeGreaterThan(0);
	});

	it('limits the calls per token (429 with Retry-After)', async () => {
		const limited = await createToken(db, owner, 'read');
		await api(limited, 'GET', '/boards');
		const row = await db.selectFrom('api_token').select('id').orderBy('created_at', 'desc').executeTakeFirstOrThrow();
		const rule = RATE_LIMITS.apiCallsPerToken;
		await db.updateTable('rate_limit').set({ hits: rule.max }).where('key', '=', `${rule.name}:${row.id}`).execute();
		const refused = await api(limited, 'GET', '/boards');
		expect(refused.status).toBe(429);
		expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
		expect((await api(write, 'GET', '/boards')).status).toBe(200); // another token is not slowed
	});
});

describe('boards and cards', () => {
	it('lists and gets the boards of the token organisation only', async () => {
		const list = await api(write, 'GET', '/boards');
		expect(list.body.items).toEqual([expect.objectContaining({ id: boardId, name: 'Vrac' })]);
		expect((await api(write, 'GET', `/boards/${boardId}`)).body).toMatchObject({ id: boardId, access: 'edit' });
		expect((await api(strangerToken, 'GET', '/boards')).body.items).toEqual([]);
	});

	it('answers 404 to a token of another organisation, on every endpoint', async () => {
		for (const path of [
			`/boards/${boardId}`,
			cards,
			card,
			`${card}/comments`,
			`${card}/check-ins`,
			`${card}/signals`
		]) {
			const res = await api(strangerToken, 'GET', path);
			expect(res.status, path).toBe(404);
			expect(res.body.error.code).toBe('not_found');
		}
		expect((await api(strangerToken, 'POST', cards, { title: 'Intrus' })).status).toBe(404);
	});

	it('refuses writes with a read-only token or a read-only person (403), reads still work', async () => {
		expect((await api(read, 'POST', cards, { title: 'Lecture' })).status).toBe(403);
		expect((await api(read, 'POST', `${card}/comments`, { body: 'Lecture' })).status).toBe(403);
		expect((await api(observerToken, 'POST', cards, { title: 'Olga' })).status).toBe(403);
		expect((await api(observerToken, 'GET', card)).status).toBe(200);
		expect((await api(read, 'GET', card)).body).toMatchObject({
			id: cardId,
			title: 'Vrac en magasin',
			stage: 'rollout'
		});
	});

	it('names the invalid fields', async () => {
		const res = await api(write, 'POST', cards, { title: 42 });
		expect(res.status).toBe(400);
		expect(res.body.error.code).toBe('validation_failed');
		expect(Object.keys(res.body.error.fields)).toEqual(['title']);
		const checkIn = await api(write, 'POST', `${card}/check-ins`, { date: '2026-13-01', value: 3 });
		expect(Object.keys(checkIn.body.error.fields).sort()).toEqual(['confidence', 'date']);
		const headers = { Authorization: `Bearer ${write}`, 'Content-Type': 'application/json' };
		const broken = await fetch(`${server.url}/api/v1${cards}`, { method: 'POST', headers, body: '{' });
		expect(((await broken.json()) as { error: { code: string } }).error.code).toBe('invalid_json');
	});

	it('creates a card that everyone on the board sees at once', async () => {
		const res = await api(memberToken, 'POST', cards, { title: 'Consigne des bocaux', description: 'Par l’API' });
		expect(res.status).toBe(201);
		expect(res.body).toMatchObject({ title: 'Consigne des bocaux', stage: 'ideas', createdBy: member.userId });
		await eventually(() => !!getCard(setup.client.doc, res.body.id), 5000, 'the card in the live document');
	});

	it('pages through the cards with cursor and limit', async () => {
		for (const title of ['Un', 'Deux', 'Trois']) expect((await api(write, 'POST', cards, { title })).status).toBe(201);
		await projected(5);
		const seen: string[] = [];
		let cursor: string | null = null;
		do {
			const page: { body: { items: { id: string }[]; nextCursor: string | null } } = await api(
				write,
				'GET',
				`${cards}?limit=2${cursor ? `&cursor=${cursor}` : ''}`
			);
			expect(page.body.items.length).toBeLessThanOrEqual(2);
			seen.push(...page.body.items.map((c) => c.id));
			cursor = page.body.nextCursor;
		} while (cursor);
		expect(seen).toHaveLength(5);
		expect(new Set(seen).size).toBe(5);
		const bad = await api(write, 'GET', `${cards}?limit=0`);
		expect(bad.status).toBe(400);
		expect(Object.keys(bad.body.error.fields)).toEqual(['limit']);
	});
});

describe('moves through the gates', () => {
	let idea = '';
	beforeAll(async () => {
		idea = `${cards}/${(await api(write, 'POST', cards, { title: 'Une idée' })).body.id}`;
	});

	it('refuses a move past an unmet gate, naming what is missing (409)', async () => {
		const res = await api(memberToken, 'POST', `${idea}/move`, { stage: 'objective' });
		expect(res.status).toBe(409);
		expect(res.body.error.code).toBe('gate_not_met');
		expect(Object.keys(res.body.error.fields)).toEqual(expect.arrayContaining(['strengths', 'difficulties']));
		expect((await api(write, 'GET', idea)).body.stage).toBe('ideas');
	});

	it('a member cannot force a gate; an owner can, with a reason recorded on the card', async () => {
		const reason = 'Décidé en comité de direction';
		expect(
			(await api(memberToken, 'POST', `${idea}/move`, { stage: 'objective', overrideReason: reason })).status
		).toBe(409);
		const short = await api(write, 'POST', `${idea}/move`, { stage: 'objective', overrideReason: 'non' });
		expect(Object.keys(short.body.error.fields)).toEqual(['overrideReason']);
		const forced = await api(write, 'POST', `${idea}/move`, { stage: 'objective', overrideReason: reason });
		expect(forced.status).toBe(200);
		expect(forced.body.stage).toBe('objective');
		await eventually(
			() => {
				const live = readCard(getCard(setup.client.doc, idea.split('/').at(-1)!)!);
				return live?.stage === 'objective' && live.sections.overrides.some((o) => o.reason === reason);
			},
			5000,
			'the forced move and its reason in the live document'
		);
	});

	it('moves freely back to an earlier stage, and 404s an unknown card', async () => {
		expect((await api(memberToken, 'POST', `${idea}/move`, { stage: 'ideas', index: 0 })).body.stage).toBe('ideas');
		expect((await api(write, 'POST', `${cards}/nosuchcard0000/move`, { stage: 'review' })).status).toBe(404);
	});
});

describe('comments, check-ins and signals', () => {
	it('comments through the comments service: live, listed, logged', async () => {
		const res = await api(memberToken, 'POST', `${card}/comments`, { body: 'Vu avec le fournisseur' });
		expect(res.status).toBe(201);
		expect(res.body).toMatchObject({ authorId: member.userId, body: 'Vu avec le fournisseur', parentId: null });
		await eventually(
			() => cardComments(setup.feed.doc, cardId).some((c) => c.id === res.body.id),
			5000,
			'the comment live'
		);
		const list = await api(read, 'GET', `${card}/comments`);
		expect(list.body.items.map((c: { id: string }) => c.id)).toContain(res.body.id);
		const event = await db
			.selectFrom('card_event')
			.select('kind')
			.where('card_id', '=', cardId)
			.where('kind', '=', 'comment')
			.executeTakeFirst();
		expect(event).toBeDefined();
		expect(Object.keys((await api(write, 'POST', `${card}/comments`, { body: '   ' })).body.error.fields)).toEqual([
			'body'
		]);
	});

	it('adds and lists check-ins', async () => {
		const res = await api(memberToken, 'POST', `${card}/check-ins`, {
			date: '2026-12-01',
			value: 12.5,
			confidence: 'on-track',
			note: 'Bien'
		});
		expect(res.status).toBe(201);
		expect(res.body).toMatchObject({ date: '2026-12-01', value: 12.5, confidence: 'on-track', by: member.userId });
		const list = await api(read, 'GET', `${card}/check-ins`);
		expect(list.body.items).toEqual([expect.objectContaining({ id: res.body.id, note: 'Bien' })]);
	});

	it('records and lists signals', async () => {
		const signal = {
			source: 'client',
			channel: 'visit',
			sentiment: 'positive',
			date: '2026-12-02',
			text: 'Les clients adorent'
		};
		const res = await api(memberToken, 'POST', `${card}/signals`, signal);
		expect(res.status).toBe(201);
		await eventually(
			() => cardSignals(setup.feed.doc, cardId).some((s) => s.id === res.body.id),
			5000,
			'the signal live'
		);
		expect((await api(read, 'GET', `${card}/signals`)).body.items).toEqual([
			expect.objectContaining({ text: 'Les clients adorent', kind: 'works' })
		]);
		const bad = await api(memberToken, 'POST', `${card}/signals`, { ...signal, channel: 'pigeon' });
		expect(Object.keys(bad.body.error.fields)).toEqual(['channel']);
	});
});

describe('the OpenAPI document', () => {
	it('is served without a token and describes every endpoint', async () => {
		const res = await fetch(`${server.url}/api/v1/openapi.json`);
		const doc = (await res.json()) as { openapi: string; paths: Record<string, object> };
		expect(doc.openapi).toBe('3.1.0');
		expect(Object.keys(doc.paths)).toContain('/boards/{boardId}/cards/{cardId}/move');
		const page = await fetch(`${server.url}/api/docs`);
		expect(await page.text()).toContain('/api/v1/boards/{boardId}/cards/{cardId}/check-ins');
	});
});
