import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCards } from '../../src/lib/board/schema.ts';
import { readInbox } from '../../src/lib/board/signal-inbox.ts';
import { cardSignals } from '../../src/lib/board/signals.ts';
import { CLOSE } from '../../src/lib/domain/close-codes.ts';
import type { Db } from '../../src/lib/server/db/open.ts';
import { listCardEvents } from '../../src/lib/server/services/events.ts';
import type { Member } from '../factories/accounts.ts';
import { startCardBoard, type CardBoard } from '../factories/card-board.ts';
import type { RunningServer } from '../factories/server.ts';
import { connectFeed, eventually, whenSynced, type Client } from '../factories/yclient.ts';

let server: RunningServer;
let db: Db;
let owner: Member;
let claire: Member;
let observer: Member;
let stranger: Member;
let boardId: string;
let cardId: string;
let client: Client;
let feed: Client;

const fields = {
	source: 'client',
	channel: 'visit',
	sentiment: 'negative',
	date: '2026-11-20',
	text: 'Le rayon vrac est souvent vide le samedi'
};

let setup: CardBoard;

beforeAll(async () => {
	setup = await startCardBoard('Owner', ['Claire']);
	({ server, db, owner, observer, stranger, boardId, cardId, client, feed } = setup);
	[claire] = setup.colleagues as [Member];
});

afterAll(() => setup.close());

function post(who: Member, path: string, action: string, body: Record<string, string>): Promise<Response> {
	return fetch(`${server.url}/b/${boardId}${path}?/${action}`, {
		method: 'POST',
		headers: { Origin: server.url, Cookie: who.cookie, 'Content-Type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams(body),
		redirect: 'manual'
	});
}
const onCard = (who: Member, action: string, body: Record<string, string>) => post(who, `/c/${cardId}`, action, body);
const inbox = (who: Member, action: string, body: Record<string, string>) => post(who, '/signals', action, body);

describe('members record field signals', () => {
	it('records a signal on a card: live in a client’s document with its fields, and logged', async () => {
		expect((await onCard(claire, 'recordSignal', fields)).status).toBe(200);
		await eventually(() => cardSignals(feed.doc, cardId).length === 1, 5000, 'the signal on the card');
		const [signal] = cardSignals(feed.doc, cardId);
		expect(signal).toMatchObject({ ...fields, recordedBy: claire.userId, kind: 'fails' });
		const event = (await listCardEvents(db, cardId)).find((e) => e.kind === 'signal');
		expect(event).toMatchObject({ actor_id: claire.userId, data: { signalId: signal!.id, source: 'client' } });
	});

	it('refuses observers (403), strangers (404) and incomplete signals (400)', async () => {
		expect((await onCard(observer, 'recordSignal', fields)).status).toBe(403);
		expect((await onCard(stranger, 'recordSignal', fields)).status).toBe(404);
		expect((await onCard(claire, 'recordSignal', { ...fields, sentiment: 'furious' })).status).toBe(400);
		expect((await inbox(observer, 'record', fields)).status).toBe(403);
		expect((await inbox(stranger, 'record', fields)).status).toBe(404);
		expect((await inbox(claire, 'record', { ...fields, text: '' })).status).toBe(400);
		expect((await fetch(`${server.url}/b/${boardId}/signals`, { headers: { Cookie: observer.cookie } })).status).toBe(
			403
		);
		expect(cardSignals(feed.doc, cardId)).toHaveLength(1);
		expect(readInbox(feed.doc)).toHaveLength(0);
	});

	it('records in the inbox, then attaching moves the signal to the card', async () => {
		const text = 'Un fournisseur propose des bocaux consignés';
		expect((await inbox(claire, 'record', { ...fields, source: 'supplier', text })).status).toBe(200);
		await eventually(() => readInbox(feed.doc).length === 1, 5000, 'the signal in the inbox');
		const [signal] = readInbox(feed.doc);
		expect(signal).toMatchObject({ source: 'supplier', text, recordedBy: claire.userId });
		expect((await inbox(observer, 'attach', { signalId: signal!.id, cardId })).status).toBe(403);
		expect((await inbox(claire, 'attach', { signalId: signal!.id, cardId })).status).toBe(200);
		await eventually(() => readInbox(feed.doc).length === 0, 5000, 'the inbox emptied');
		expect(cardSignals(feed.doc, cardId).find((s) => s.id === signal!.id)).toMatchObject({ text });
		expect((await inbox(claire, 'attach', { signalId: signal!.id, cardId })).status).toBe(404);
	});

	it('turns an inbox signal into a new card in Ideas & signals', async () => {
		const text = 'Proposer une carte de fidélité';
		expect((await inbox(claire, 'record', { ...fields, sentiment: 'positive', text })).status).toBe(200);
		await eventually(() => readInbox(feed.doc).length === 1, 5000, 'the signal in the inbox');
		const [signal] = readInbox(feed.doc);
		expect((await inbox(observer, 'convert', { signalId: signal!.id })).status).toBe(403);
		expect((await inbox(claire, 'convert', { signalId: signal!.id })).status).toBe(200);
		await eventually(() => !!readInbox(feed.doc)[0]?.convertedTo, 5000, 'the signal marked converted');
		const idea = readCards(client.doc).find((c) => c.id === readInbox(feed.doc)[0]!.convertedTo);
		expect(idea).toMatchObject({ title: text, stage: 'ideas' });
		expect((await inbox(claire, 'convert', { signalId: signal!.id })).status).toBe(404);
	});

	it('refuses a raw client’s write to the inbox: its feed socket is closed, nobody sees it', async () => {
		const forger = connectFeed(server.url, boardId, claire.cookie);
		await whenSynced(forger);
		const closed = new Promise<number>((resolve) =>
			forger.provider.ws?.addEventListener('close', (event) => resolve(event.code))
		);
		const forged = { kind: 'idea', text: 'Faux signal', company: '', by: owner.userId, at: 1 };
		forger.doc.getMap('inbox').set('forged_signal_01', forged);
		expect(await closed).toBe(CLOSE.readOnlyDocument);
		expect(feed.doc.getMap('inbox').has('forged_signal_01')).toBe(false);
		forger.destroy();
	});
});
