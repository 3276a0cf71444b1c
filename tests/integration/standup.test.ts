import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCard } from '../../src/lib/board/commands.ts';
import type { Db } from '../../src/lib/server/db/open.ts';
import { findStandup } from '../../src/lib/server/services/standups.ts';
import { createMember, createTestBoard, openTestDb, type Member } from '../factories/accounts.ts';
import { createPerson } from '../factories/people.ts';
import { startServer, type RunningServer } from '../factories/server.ts';
import { connectClient, whenSynced } from '../factories/yclient.ts';

/** The stand-up's doors on the real server: starting, the facilitator's timer, decisions, the close. */
let server: RunningServer;
let db: Db;
let owner: Member;
let manager: Member;
let boardId: string;
const cardId = 'card_in_review_01';

beforeAll(async () => {
	server = await startServer();
	db = openTestDb(server.dbPath);
	owner = await createMember(db, 'Claire');
	manager = await createPerson(db, owner.organizationId, 'Karim', 'manager');
	boardId = await createTestBoard(db, owner, 'Hebdo');
	const client = connectClient(server.url, boardId, owner.cookie);
	await whenSynced(client);
	createCard(client.doc, { id: cardId, title: 'Vitrine', stage: 'review', rank: 'a0', createdBy: owner.userId });
	for (
		let tries = 0;
		!(await db.selectFrom('card').select('id').where('id', '=', cardId).executeTakeFirst());
		tries++
	) {
		if (tries > 250) throw new Error('the card was never stored');
		await new Promise((resolve) => setTimeout(resolve, 20));
	}
	client.destroy();
}, 30_000);

afterAll(async () => {
	await server.stop();
	await db.destroy();
});

function post(who: Member, path: string, body: Record<string, string> | string, json = false) {
	return fetch(server.url + path, {
		method: 'POST',
		headers: {
			Origin: server.url,
			Cookie: who.cookie,
			Accept: 'text/html',
			'Content-Type': json ? 'application/json' : 'application/x-www-form-urlencoded'
		},
		body: typeof body === 'string' ? body : new URLSearchParams(body),
		redirect: 'manual'
	});
}

async function start(who: Member): Promise<string> {
	const res = await post(who, `/b/${boardId}/standup?/start`, { riskFirst: 'on' });
	expect(res.status).toBe(303);
	// The options are the stand-up's own, not the address's.
	const match = /\/standup\/([\w-]+)$/.exec(res.headers.get('location') ?? '');
	expect(match).not.toBeNull();
	return match![1]!;
}

describe('a stand-up on the real server', () => {
	let standupId = '';

	it('is one meeting, however many managers press "start" at once', async () => {
		const [a, b] = await Promise.all([start(owner), start(manager)]);
		expect(a).toBe(b);
		standupId = a;
		expect((await findStandup(db, standupId))?.options).toEqual({ riskFirst: true, filter: 'all', teamId: null });
	});

	it('takes the facilitator’s timer only, well-formed', async () => {
		const time = (who: Member, body: string) => post(who, `/b/${boardId}/standup/${standupId}/time`, body, true);
		const facilitator = (await findStandup(db, standupId))!.facilitatorId === owner.userId ? owner : manager;
		const other = facilitator === owner ? manager : owner;
		expect((await time(facilitator, JSON.stringify({ cardId, seconds: 40 }))).status).toBe(204);
		expect((await time(facilitator, JSON.stringify({ cardId, seconds: 5 }))).status).toBe(204);
		expect((await time(other, JSON.stringify({ cardId, seconds: 40 }))).status).toBe(403);
		expect((await time(facilitator, '{"cardId": 12')).status).toBe(400);
		expect((await time(facilitator, JSON.stringify({ cardId, seconds: 1e9 }))).status).toBe(400);
		const row = await db.selectFrom('standup_card').selectAll().where('standup_id', '=', standupId).execute();
		expect(row.map((r) => [r.card_id, r.seconds])).toEqual([[cardId, 45]]);
	});

	it('refuses an empty decision or one on a card that is not on the board, and keeps a good one', async () => {
		const decide = (body: Record<string, string>) => post(manager, `/b/${boardId}/standup/${standupId}?/decide`, body);
		expect((await decide({ cardId, text: '   ', ownerId: '', due: '' })).status).toBe(400);
		expect((await decide({ cardId, text: 'Ok', ownerId: '', due: '2026-02-30' })).status).toBe(400);
		expect((await decide({ cardId: 'card_not_here_00', text: 'Ok', ownerId: '', due: '' })).status).toBe(404);
		const stranger = await createMember(db, 'Ailleurs');
		expect((await decide({ cardId, text: 'Ok', ownerId: stranger.userId, due: '' })).status).toBe(400);
		expect(
			(await decide({ cardId, text: 'Commander le présentoir', ownerId: owner.userId, due: '2030-01-31' })).status
		).toBe(200);
		const events = await db.selectFrom('card_event').select(['kind', 'data']).where('card_id', '=', cardId).execute();
		expect(events.filter((e) => e.kind === 'action').map((e) => JSON.parse(e.data).text)).toEqual([
			'Commander le présentoir'
		]);
	});

	it('closes once, freezing attendees, time per card and decisions in its record', async () => {
		await fetch(`${server.url}/b/${boardId}/standup/${standupId}`, { headers: { Cookie: manager.cookie } });
		const res = await post(owner, `/b/${boardId}/standup/${standupId}?/close`, {
			lastCard: JSON.stringify({ cardId, seconds: 15 })
		});
		expect(res.status).toBe(303);
		expect(res.headers.get('location')).toBe(`/standups/${standupId}`);
		const standup = (await findStandup(db, standupId))!;
		expect(standup.endedAt).not.toBeNull();
		expect(standup.summary).toMatchObject({
			boardName: 'Hebdo',
			attendees: ['Karim'],
			decisions: [{ title: 'Vitrine', text: 'Commander le présentoir', owner: 'Claire', due: '2030-01-31' }],
			perStage: { review: 1 }
		});
		const again = await post(owner, `/b/${boardId}/standup/${standupId}?/close`, {});
		expect(again.status).toBe(303);
		expect((await findStandup(db, standupId))!.endedAt).toBe(standup.endedAt);
	});
});
