import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/lib/server/db/open.ts';
import { cardOpenHelp } from '../../src/lib/board/help.ts';
import { askHelp, findHelp, listOpenHelpForTeam } from '../../src/lib/server/services/help.ts';
import { newId } from '../../src/lib/server/ids.ts';
import { addTeamMember, createTeam } from '../../src/lib/server/services/teams.ts';
import { createTestBoard, type Member } from '../factories/accounts.ts';
import { startCardBoard, type CardBoard } from '../factories/card-board.ts';
import type { RunningServer } from '../factories/server.ts';
import { eventually, type Client } from '../factories/yclient.ts';

let server: RunningServer;
let db: Db;
let owner: Member;
let claire: Member;
let paul: Member;
let jean: Member;
let observer: Member;
let stranger: Member;
let boardId: string;
let cardId: string;
let atelier: string;
let foreignTeam: string;
let feed: Client;

let setup: CardBoard;

beforeAll(async () => {
	setup = await startCardBoard('Olivier', ['Claire Lefèvre', 'Paul Martin', 'Jean Dupont']);
	({ server, db, owner, observer, stranger, boardId, cardId, feed } = setup);
	[claire, paul, jean] = setup.colleagues as [Member, Member, Member];
	atelier = (await createTeam(db, owner.organizationId, { name: 'Atelier', color: '#2f855a' }))!;
	await addTeamMember(db, owner.organizationId, atelier, claire.userId);
	await addTeamMember(db, owner.organizationId, atelier, paul.userId);
	foreignTeam = (await createTeam(db, stranger.organizationId, { name: 'Ailleurs', color: '#2f855a' }))!;
});

afterAll(() => setup.close());

function act(who: Member, action: string, fields: Record<string, string>): Promise<Response> {
	return fetch(`${server.url}/b/${boardId}/c/${cardId}?/${action}`, {
		method: 'POST',
		headers: { Origin: server.url, Cookie: who.cookie, 'Content-Type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams(fields),
		redirect: 'manual'
	});
}

async function ask(who: Member, teamId: string, body: string): Promise<string> {
	const response = await act(who, 'askHelp', { teamId, body });
	expect(response.status).toBe(200);
	const row = await db
		.selectFrom('comment')
		.select('id')
		.where('card_id', '=', cardId)
		.where('body', '=', body)
		.executeTakeFirstOrThrow();
	return row.id;
}

const helpNotifications = (userId: string) =>
	db.selectFrom('notification').selectAll().where('user_id', '=', userId).where('kind', '=', 'help').execute();

const closedNotifications = (userId: string) =>
	db.selectFrom('notification').selectAll().where('user_id', '=', userId).where('kind', '=', 'help-closed').execute();

describe('asking another team for help', () => {
	it('notifies each member of the team, and a reply by one of them closes it', async () => {
		const commentId = await ask(owner, atelier, 'Pouvez-vous régler le four ?');
		for (const member of [claire, paul]) {
			const notes = await helpNotifications(member.userId);
			expect(notes).toHaveLength(1);
			expect(JSON.parse(notes[0]!.data)).toMatchObject({ commentId, excerpt: 'Pouvez-vous régler le four ?' });
		}
		expect(await helpNotifications(jean.userId)).toHaveLength(0);
		expect((await listOpenHelpForTeam(db, atelier)).map((r) => r.commentId)).toContain(commentId);
		await eventually(() => cardOpenHelp(feed.doc, cardId).includes(atelier), 5000, 'the open help on the live card');
		// Someone outside the team replies: still open.
		expect((await act(jean, 'reply', { parentId: commentId, body: 'Aucune idée' })).status).toBe(200);
		expect((await findHelp(db, commentId))?.open).toBe(true);
		expect((await act(claire, 'reply', { parentId: commentId, body: 'Demain matin' })).status).toBe(200);
		expect(await findHelp(db, commentId)).toMatchObject({ open: false, closedBy: 'answer' });
		expect((await closedNotifications(owner.userId)).map((n) => n.actor_id)).toEqual([claire.userId]);
		await eventually(() => cardOpenHelp(feed.doc, cardId).length === 0, 5000, 'no open help on the live card');
	});

	it('lets the asker, and only the asker, close it', async () => {
		const commentId = await ask(jean, atelier, 'Une étiquette pour le vrac ?');
		expect((await act(owner, 'closeHelp', { commentId })).status).toBe(403);
		expect((await findHelp(db, commentId))?.open).toBe(true);
		expect((await act(jean, 'closeHelp', { commentId })).status).toBe(200);
		expect(await findHelp(db, commentId)).toMatchObject({ open: false, closedBy: 'asker' });
		expect(await closedNotifications(jean.userId)).toEqual([]); // they closed it themselves
		expect((await listOpenHelpForTeam(db, atelier)).map((r) => r.commentId)).not.toContain(commentId);
	});

	it('refuses strangers (404), observers (403) and teams of another organisation (400)', async () => {
		expect((await act(stranger, 'askHelp', { teamId: atelier, body: 'Intrus' })).status).toBe(404);
		expect((await act(observer, 'askHelp', { teamId: atelier, body: 'Observateur' })).status).toBe(403);
		expect((await act(owner, 'askHelp', { teamId: foreignTeam, body: 'Ailleurs' })).status).toBe(400);
		expect((await act(owner, 'askHelp', { teamId: atelier, body: '   ' })).status).toBe(400);
		const commentId = await ask(owner, atelier, 'Encore une');
		expect((await act(stranger, 'closeHelp', { commentId })).status).toBe(404);
		expect((await act(observer, 'closeHelp', { commentId })).status).toBe(403);
	});

	it("refuses the card's own team (400)", async () => {
		await db.updateTable('card').set({ team_id: atelier }).where('id', '=', cardId).execute();
		expect((await act(owner, 'askHelp', { teamId: atelier, body: 'Nous-mêmes' })).status).toBe(400);
		await db.updateTable('card').set({ team_id: null }).where('id', '=', cardId).execute();
	});

	it("never shows a card of another board's help requests through one's own board", async () => {
		const foreignBoard = await createTestBoard(db, stranger, 'Ailleurs');
		const foreignCard = newId();
		const commentId = newId();
		const request = { boardId: foreignBoard, cardId: foreignCard, askerId: stranger.userId, commentId };
		await askHelp(db, { ...request, teamId: foreignTeam, excerpt: 'Question confidentielle' });
		const res = await fetch(`${server.url}/b/${boardId}/c/${foreignCard}/__data.json`, {
			headers: { Cookie: owner.cookie }
		});
		expect(res.status).toBe(200);
		const data = await res.text();
		expect(data).toContain('memberTeams'); // the page's own data did come back
		expect(data).not.toContain(commentId);
		expect(data).not.toContain(foreignTeam);
	});
});
