import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/lib/server/db/open.ts';
import { startStandup } from '../../src/lib/server/services/standups.ts';
import { createWebhook, sendTest } from '../../src/lib/server/webhooks/manage.ts';
import { isSignatureValid } from '../../src/lib/server/webhooks/sign.ts';
import { DISABLE_AFTER_FAILURES, WEBHOOK_EVENTS } from '../../src/lib/domain/webhook-events.ts';
import { createMember, createTestBoard, openTestDb, type Member } from '../factories/accounts.ts';
import { callApi, createToken } from '../factories/api.ts';
import { startReceiver, type Receiver } from '../factories/receiver.ts';
import { startServer, type RunningServer } from '../factories/server.ts';

// Fast polling and retries, so that a retry is seen in a test's time; the code paths are the production ones.
const env = { WEBHOOK_POLL_MS: '50', WEBHOOK_RETRY_BASE_MS: '150' };

let server: RunningServer;
let db: Db;
let owner: Member;
let boardId: string;
let token: string;
let receiver: Receiver;
let secret: string;
let webhookId: string;

beforeAll(async () => {
	server = await startServer({ env });
	db = openTestDb(server.dbPath);
	owner = await createMember(db, 'Owner');
	boardId = await createTestBoard(db, owner, 'Atelier');
	token = await createToken(db, owner);
	receiver = await startReceiver();
	const hook = await createWebhook(db, owner.organizationId, owner.userId, {
		url: receiver.url,
		events: [...WEBHOOK_EVENTS],
		boardId: ''
	});
	({ secret, id: webhookId } = hook!);
}, 30_000);

afterAll(async () => {
	await server.stop();
	await receiver.close();
	await db.destroy();
});

async function until<T>(find: () => T | undefined | Promise<T | undefined>, what: string, ms = 8000): Promise<T> {
	const end = Date.now() + ms;
	while (Date.now() < end) {
		const found = await find();
		if (found !== undefined) return found;
		await new Promise((r) => setTimeout(r, 50));
	}
	throw new Error(`timed out waiting for ${what}`);
}

const bodies = () =>
	receiver.received.map((r) => ({
		...r,
		json: JSON.parse(r.body) as { event: string; id: string; data: Record<string, unknown> }
	}));
const receivedEvent = (event: string, check: (data: Record<string, unknown>) => boolean = () => true) =>
	until(() => bodies().find((b) => b.json.event === event && check(b.json.data)), event);
const api = (method: 'GET' | 'POST', path: string, body?: unknown) => callApi(server.url, token, method, path, body);

describe('webhook deliveries', () => {
	it('sends card, comment, check-in, signal and move events, signed with the secret', async () => {
		const card = (await api('POST', `/boards/${boardId}/cards`, { title: 'Vélos cargo' })).body as { id: string };
		const created = await receivedEvent('card.created', (d) => d.cardId === card.id);
		expect(isSignatureValid(secret, created.body, created.headers['x-bouture-signature'] as string)).toBe(true);
		expect(isSignatureValid('whsec_wrong', created.body, created.headers['x-bouture-signature'] as string)).toBe(false);
		expect(created.headers['x-bouture-event']).toBe('card.created');
		expect(created.json).toMatchObject({ organizationId: owner.organizationId, boardId, data: { stage: 'ideas' } });

		const path = `/boards/${boardId}/cards/${card.id}`;
		await api('POST', `${path}/comments`, { body: 'On teste' });
		await api('POST', `${path}/check-ins`, { date: '2026-12-01', value: 3, confidence: 'at-risk' });
		const signal = { source: 'client', channel: 'phone', sentiment: 'negative', date: '2026-12-02', text: 'Trop cher' };
		await api('POST', `${path}/signals`, signal);
		await api('POST', `${path}/move`, { stage: 'review' });
		await receivedEvent('comment.created', (d) => d.cardId === card.id && d.excerpt === 'On teste');
		await receivedEvent('checkin.added', (d) => d.cardId === card.id && d.value === 3);
		await receivedEvent('signal.created', (d) => d.cardId === card.id);
		await receivedEvent('card.moved', (d) => d.cardId === card.id && d.to === 'review');
		for (const b of bodies())
			expect(isSignatureValid(secret, b.body, b.headers['x-bouture-signature'] as string)).toBe(true);
		const log = await db
			.selectFrom('webhook_delivery')
			.select(['status', 'response_code'])
			.where('webhook_id', '=', webhookId)
			.execute();
		expect(log.every((d) => d.status === 'delivered' && d.response_code === 200)).toBe(true);
	});

	it('sends standup.closed when a stand-up is closed', async () => {
		const standup = await startStandup(db, { boardId, facilitatorId: owner.userId, locale: 'fr', timeBox: 90 });
		const res = await fetch(`${server.url}/b/${boardId}/standup/${standup.id}?/close`, {
			method: 'POST',
			headers: {
				Origin: server.url,
				Cookie: owner.cookie,
				Accept: 'text/html',
				'Content-Type': 'application/x-www-form-urlencoded'
			},
			body: '',
			redirect: 'manual'
		});
		expect(res.status).toBe(303);
		await receivedEvent('standup.closed', (d) => d.standupId === standup.id);
	});

	it('retries a failing receiver with a growing delay, and logs each answer', async () => {
		receiver.answer(500);
		const pings = () => bodies().filter((b) => b.json.event === 'ping');
		expect(await sendTest(db, owner.organizationId, webhookId)).toBe(true);
		await until(() => (pings().length >= 2 ? true : undefined), 'two failed attempts');
		receiver.answer(200);
		const row = await until(async () => {
			const d = await db.selectFrom('webhook_delivery').selectAll().where('event', '=', 'ping').executeTakeFirst();
			return d?.status === 'delivered' ? d : undefined;
		}, 'the ping delivered');
		expect(row.attempts).toBe(pings().length);
		expect(row.attempts).toBeGreaterThanOrEqual(3);
		expect(row.response_code).toBe(200);
		// The delay doubles: 150 ms before the first retry, 300 ms before the second (lower bounds only).
		const [first, second, third] = pings().map((p) => p.at) as [number, number, number];
		expect(second - first).toBeGreaterThanOrEqual(150);
		expect(third - second).toBeGreaterThanOrEqual(300);
		expect(new Set(pings().map((p) => p.headers['x-bouture-delivery']))).toEqual(new Set([row.id])); // one delivery, retried
	});

	it('disables a webhook after repeated failures', async () => {
		const failing = await startReceiver();
		failing.answer(503);
		const hook = (await createWebhook(db, owner.organizationId, owner.userId, {
			url: failing.url,
			events: ['card.created'],
			boardId
		}))!;
		for (let i = 0; i < DISABLE_AFTER_FAILURES; i++) await sendTest(db, owner.organizationId, hook.id);
		const row = await until(async () => {
			const h = await db.selectFrom('webhook').selectAll().where('id', '=', hook.id).executeTakeFirstOrThrow();
			return h.disabled_at !== null ? h : undefined;
		}, 'the webhook disabled');
		expect(row.consecutive_failures).toBeGreaterThanOrEqual(DISABLE_AFTER_FAILURES);
		const count = failing.received.length;
		await sendTest(db, owner.organizationId, hook.id);
		await new Promise((r) => setTimeout(r, 400));
		expect(failing.received.length).toBe(count); // a disabled hook is not called
		await failing.close();
	});

	it('delivers after a server restart what was queued before it', async () => {
		receiver.answer(503);
		const card = (await api('POST', `/boards/${boardId}/cards`, { title: 'Après redémarrage' })).body as { id: string };
		await until(async () => {
			const rows = await db
				.selectFrom('webhook_delivery')
				.select(['payload', 'attempts'])
				.where('webhook_id', '=', webhookId)
				.where('event', '=', 'card.created')
				.execute();
			return rows.some((r) => r.payload.includes(card.id) && r.attempts >= 1) ? true : undefined;
		}, 'a failed first attempt');
		expect(await server.stop()).toBe(0);
		receiver.answer(200);
		server = await startServer({ dbPath: server.dbPath, env });
		const delivered = await receivedEvent('card.created', (d) => d.cardId === card.id && receiver.received.length > 0);
		await until(async () => {
			const rows = await db
				.selectFrom('webhook_delivery')
				.select(['payload', 'status'])
				.where('event', '=', 'card.created')
				.execute();
			return rows.some((r) => r.payload.includes(card.id) && r.status === 'delivered') ? true : undefined;
		}, 'the delivery recorded as delivered');
		expect(isSignatureValid(secret, delivered.body, delivered.headers['x-bouture-signature'] as string)).toBe(true);
	}, 30_000);
});
