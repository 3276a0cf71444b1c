import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardComments, threads } from '../../src/lib/board/comments.ts';
import type { Db } from '../../src/lib/server/db/open.ts';
import { listCardEvents } from '../../src/lib/server/services/events.ts';
import type { Member } from '../factories/accounts.ts';
import { startCardBoard, type CardBoard } from '../factories/card-board.ts';
import type { RunningServer } from '../factories/server.ts';
import { eventually, type Client } from '../factories/yclient.ts';

let server: RunningServer;
let db: Db;
let owner: Member;
let claire: Member;
let paul: Member;
let observer: Member;
let stranger: Member;
let boardId: string;
let cardId: string;
let feed: Client;

let setup: CardBoard;

beforeAll(async () => {
	setup = await startCardBoard('Owner', ['Claire', 'Paul']);
	({ server, db, owner, observer, stranger, boardId, cardId, feed } = setup);
	[claire, paul] = setup.colleagues as [Member, Member];
});

afterAll(() => setup.close());

function act(who: Member, action: string, fields: Record<string, string>, card = cardId): Promise<Response> {
	return fetch(`${server.url}/b/${boardId}/c/${card}?/${action}`, {
		method: 'POST',
		headers: { Origin: server.url, Cookie: who.cookie, 'Content-Type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams(fields),
		redirect: 'manual'
	});
}

const live = () => cardComments(feed.doc, cardId);
const byBody = (body: string) => live().find((c) => c.body === body);
const versions = (who: Member, commentId: string) =>
	fetch(`${server.url}/b/${boardId}/c/${cardId}/comments/${commentId}/versions`, { headers: { Cookie: who.cookie } });

describe('comments on cards', () => {
	it('stores a comment, shows it live on the board and logs it', async () => {
		expect((await act(claire, 'comment', { body: 'Le **vrac** marche bien' })).status).toBe(200);
		await eventually(() => !!byBody('Le **vrac** marche bien'), 5000, 'the comment in the live document');
		const comment = byBody('Le **vrac** marche bien')!;
		expect(comment).toMatchObject({ authorId: claire.userId, parentId: null, deleted: false, editedAt: null });
		const row = await db.selectFrom('comment').selectAll().where('id', '=', comment.id).executeTakeFirstOrThrow();
		expect(row).toMatchObject({ board_id: boardId, card_id: cardId, author_id: claire.userId });
		const events = await listCardEvents(db, cardId);
		expect(events.find((e) => e.kind === 'comment')).toMatchObject({
			actor_id: claire.userId,
			data: { commentId: comment.id, parentId: null, excerpt: 'Le **vrac** marche bien' }
		});
	});

	it('refuses strangers (404), observers (403) and empty bodies (400)', async () => {
		expect((await act(stranger, 'comment', { body: 'Intrus' })).status).toBe(404);
		expect((await act(observer, 'comment', { body: 'Observateur' })).status).toBe(403);
		expect((await act(claire, 'comment', { body: '   ' })).status).toBe(400);
		expect((await act(claire, 'comment', { body: 'x'.repeat(5001) })).status).toBe(400);
		expect((await act(claire, 'comment', { body: 'Carte inconnue' }, 'AAAAAAAAAAAAAAAAAAAAA')).status).toBe(404);
		const rows = await db.selectFrom('comment').select('body').where('card_id', '=', cardId).execute();
		expect(rows.map((r) => r.body)).toEqual(['Le **vrac** marche bien']);
	});

	it('threads replies under their comment', async () => {
		const top = byBody('Le **vrac** marche bien')!;
		expect((await act(paul, 'reply', { parentId: top.id, body: 'Merci Claire' })).status).toBe(200);
		await eventually(() => !!byBody('Merci Claire'), 5000, 'the reply');
		expect(
			threads(live())
				.find((t) => t.id === top.id)
				?.replies.map((r) => r.body)
		).toEqual(['Merci Claire']);
		expect((await act(paul, 'reply', { parentId: 'AAAAAAAAAAAAAAAAAAAAA', body: 'Perdu' })).status).toBe(404);
	});

	it('lets only the author edit, keeping earlier versions for the author and managers', async () => {
		const { id } = byBody('Le **vrac** marche bien')!;
		expect((await act(paul, 'edit', { commentId: id, body: 'Réécrit par Paul' })).status).toBe(403);
		expect((await act(observer, 'edit', { commentId: id, body: 'Réécrit' })).status).toBe(403);
		expect((await act(claire, 'edit', { commentId: id, body: 'Le vrac marche **très** bien' })).status).toBe(200);
		await eventually(() => byBody('Le vrac marche **très** bien')?.editedAt != null, 5000, 'the edit');

		const mine = await versions(claire, id);
		expect(mine.status).toBe(200);
		expect(((await mine.json()) as { versions: { body: string }[] }).versions.map((v) => v.body)).toEqual([
			'Le **vrac** marche bien'
		]);
		expect((await versions(owner, id)).status).toBe(200);
		expect((await versions(paul, id)).status).toBe(403);
		expect((await versions(stranger, id)).status).toBe(404);
		expect((await listCardEvents(db, cardId)).some((e) => e.kind === 'comment-edited')).toBe(true);
	});

	it('deletes for the author or a manager, leaving a placeholder', async () => {
		const { id } = byBody('Le vrac marche **très** bien')!;
		expect((await act(paul, 'delete', { commentId: id })).status).toBe(403);
		expect((await act(observer, 'delete', { commentId: id })).status).toBe(403);
		expect((await act(owner, 'delete', { commentId: id })).status).toBe(200);
		await eventually(() => live().find((c) => c.id === id)?.deleted === true, 5000, 'the placeholder');
		expect(live().find((c) => c.id === id)).toMatchObject({ body: '', deleted: true });
		const row = await db.selectFrom('comment').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
		expect(row.deleted_at).toBeTypeOf('number');
		expect(byBody('Merci Claire')).toBeDefined(); // the replies stay
		expect((await listCardEvents(db, cardId)).some((e) => e.kind === 'comment-deleted')).toBe(true);
	});
});
