import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { moveCard } from '../../src/lib/board/commands.ts';
import type { Db } from '../../src/lib/server/db/open.ts';
import { createMember, createTestBoard, openTestDb, type Member } from '../factories/accounts.ts';
import { createPerson } from '../factories/people.ts';
import { writeCards } from '../factories/portal.ts';
import { startServer, type RunningServer } from '../factories/server.ts';
import { connectClient, whenSynced, type Client } from '../factories/yclient.ts';

let server: RunningServer;
let db: Db;
let owner: Member;
let claire: Member;
let paul: Member;
let stranger: Member;
let boardId: string;
let cardId: string;
let client: Client;

beforeAll(async () => {
	server = await startServer();
	db = openTestDb(server.dbPath);
	owner = await createMember(db, 'Olivier');
	claire = await createPerson(db, owner.organizationId, 'Claire Lefèvre');
	paul = await createPerson(db, owner.organizationId, 'Paul');
	stranger = await createMember(db, 'Stranger');
	boardId = await createTestBoard(db, owner, 'Vrac');
	[cardId] = (await writeCards(server.url, db, owner, boardId, [{ title: 'Vrac en magasin', stage: 'ideas' }])) as [
		string
	];
	client = connectClient(server.url, boardId, owner.cookie);
	await whenSynced(client);
});

afterAll(async () => {
	client.destroy();
	await server.stop();
	await db.destroy();
});

const comment = (who: Member, body: string) =>
	fetch(`${server.url}/b/${boardId}/c/${cardId}?/comment`, {
		method: 'POST',
		headers: { Origin: server.url, Cookie: who.cookie, 'Content-Type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams({ body }),
		redirect: 'manual'
	});

const follow = (who: Member, following?: boolean, card = cardId) =>
	fetch(`${server.url}/b/${boardId}/c/${card}/follow`, {
		method: following === undefined ? 'GET' : 'POST',
		headers: { Origin: server.url, Cookie: who.cookie },
		body: following === undefined ? undefined : new URLSearchParams({ following: String(following) })
	});

/** Like `eventually`, for a check that reads the database. */
async function until(check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
	for (const start = Date.now(); !(await check()); await new Promise((r) => setTimeout(r, 50))) {
		if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
	}
}

const inbox = (who: Member) =>
	db.selectFrom('notification').selectAll().where('user_id', '=', who.userId).orderBy('created_at').execute();

describe('notifications through the real flows', () => {
	it('notifies a person mentioned in a comment posted through the card form, with the excerpt', async () => {
		expect((await comment(paul, 'Un avis @claire-lefevre ? Merci.')).status).toBe(200);
		await until(async () => (await inbox(claire)).length === 1, 5000, 'the mention');
		const [row] = await inbox(claire);
		expect(row).toMatchObject({ kind: 'mention', board_id: boardId, card_id: cardId, actor_id: paul.userId });
		expect(JSON.parse(row!.data)).toMatchObject({
			title: 'Vrac en magasin',
			excerpt: 'Un avis @claire-lefevre ? Merci.'
		});
		expect(await inbox(paul)).toEqual([]);
	});

	it('shows the unread count in the header of every page', async () => {
		const html = await (await fetch(`${server.url}/boards`, { headers: { Cookie: claire.cookie } })).text();
		expect(html).toContain('Notifications (1 non lue)');
	});

	it('makes commenters and the owner follow; followers (not the mover) hear of a stage move', async () => {
		expect(await (await follow(paul)).json()).toEqual({ following: true });
		expect(await (await follow(owner)).json()).toEqual({ following: true });
		expect(await (await follow(claire)).json()).toEqual({ following: false });
		moveCard(client.doc, cardId, 'review', 'a0');
		await until(async () => (await inbox(paul)).some((n) => n.kind === 'stage'), 5000, 'the stage move');
		const stage = (await inbox(paul)).find((n) => n.kind === 'stage');
		expect(JSON.parse(stage!.data)).toMatchObject({ from: 'ideas', to: 'review' });
		expect((await inbox(claire)).map((n) => n.kind)).toEqual(['mention']);
		expect(await inbox(owner)).toEqual([]); // the owner moved it: nobody hears of their own doing
	});

	it('lets a member unfollow and follow again; strangers and bad input get 404 / 400', async () => {
		expect(await (await follow(paul, false)).json()).toEqual({ following: false });
		expect(await (await follow(paul)).json()).toEqual({ following: false });
		expect(await (await follow(claire, true)).json()).toEqual({ following: true });
		expect((await follow(stranger, true)).status).toBe(404);
		expect((await follow(stranger)).status).toBe(404);
		expect((await follow(claire, true, 'not-a-card-id-0000000')).status).toBe(404);
		const bad = await fetch(`${server.url}/b/${boardId}/c/${cardId}/follow`, {
			method: 'POST',
			headers: { Origin: server.url, Cookie: claire.cookie },
			body: new URLSearchParams({ following: 'maybe' })
		});
		expect(bad.status).toBe(400);
	});

	it('marks read from the inbox page', async () => {
		const [row] = await inbox(claire);
		const res = await fetch(`${server.url}/inbox?/read`, {
			method: 'POST',
			headers: { Origin: server.url, Cookie: claire.cookie, 'Content-Type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams({ id: row!.id }),
			redirect: 'manual'
		});
		expect(res.status).toBe(200);
		expect((await inbox(claire))[0]?.read_at).not.toBeNull();
		const other = await fetch(`${server.url}/inbox?/readAll`, {
			method: 'POST',
			headers: { Origin: server.url, Cookie: stranger.cookie, 'Content-Type': 'application/x-www-form-urlencoded' },
			body: ''
		});
		expect(other.status).toBe(200);
	});
});
