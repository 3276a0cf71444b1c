import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardComments, commentCount, threads } from '#lib/board/comments.ts';
import { createCard } from '#lib/board/commands.ts';
import { openTempDatabase, type TempDatabase } from '../../../../tests/factories/db.ts';
import { newId } from '../ids.ts';
import type { Runtime } from '../runtime.ts';
import { SyncHub } from '../sync/hub.ts';
import { addComment, deleteComment, editComment, findComment, listCommentVersions } from './comments.ts';
import { listCardEvents } from './events.ts';

let temp: TempDatabase;
let hub: SyncHub;
let runtime: Runtime;
const boardId = newId();
const cardId = newId();
const alice = newId();
const bruno = newId();

beforeAll(async () => {
	temp = await openTempDatabase('bouture-comments-');
	const { db } = temp;
	const now = Date.now();
	const organizationId = newId();
	await db.insertInto('organization').values({ id: organizationId, name: 'Org', created_at: now }).execute();
	await db
		.insertInto('board')
		.values({ id: boardId, organization_id: organizationId, name: 'B', created_at: now, updated_at: now })
		.execute();
	const refuse = () => Promise.resolve({ ok: false, status: 404 }) as never;
	hub = new SyncHub(db, refuse, refuse);
	runtime = { db, sync: hub } as unknown as Runtime;
	const room = await hub.openRoom(boardId);
	await room.change(alice, (doc) =>
		createCard(doc, { id: cardId, title: 'Vrac', stage: 'ideas', rank: 'a0', createdBy: alice })
	);
});

afterAll(async () => {
	await hub.close();
	await temp.dispose();
});

const live = async () => cardComments((await hub.openRoom(boardId)).doc, cardId);

describe('comments', () => {
	it('writes SQL, mirrors the comment into the live document and logs an event', async () => {
		const id = await addComment(runtime, {
			boardId,
			cardId,
			authorId: alice,
			parentId: null,
			body: 'Bonjour **équipe**'
		});
		expect(id).not.toBeNull();
		expect((await findComment(temp.db, id!))?.body).toBe('Bonjour **équipe**');
		expect(await live()).toMatchObject([
			{ id, authorId: alice, body: 'Bonjour **équipe**', deleted: false, parentId: null }
		]);
		const [event] = await listCardEvents(temp.db, cardId);
		expect(event).toMatchObject({
			kind: 'comment',
			actor_id: alice,
			data: { commentId: id, parentId: null, excerpt: 'Bonjour **équipe**' }
		});
	});

	it('threads replies one level deep, even a reply to a reply', async () => {
		const top = (await addComment(runtime, { boardId, cardId, authorId: alice, parentId: null, body: 'Question' }))!;
		const reply = (await addComment(runtime, { boardId, cardId, authorId: bruno, parentId: top, body: 'Réponse' }))!;
		const again = (await addComment(runtime, { boardId, cardId, authorId: alice, parentId: reply, body: 'Merci' }))!;
		const thread = threads(await live()).find((t) => t.id === top);
		expect(thread?.replies.map((r) => r.id)).toEqual([reply, again]);
		expect(await addComment(runtime, { boardId, cardId, authorId: alice, parentId: newId(), body: 'x' })).toBeNull();
		expect(
			await addComment(runtime, { boardId, cardId: newId(), authorId: alice, parentId: null, body: 'x' })
		).toBeNull();
	});

	it('keeps earlier versions on edit and leaves a placeholder on delete', async () => {
		const id = (await addComment(runtime, { boardId, cardId, authorId: alice, parentId: null, body: 'v1' }))!;
		expect(await editComment(runtime, (await findComment(temp.db, id))!, alice, 'v2')).toBe(true);
		expect(await editComment(runtime, (await findComment(temp.db, id))!, alice, 'v3')).toBe(true);
		expect((await listCommentVersions(temp.db, id)).map((v) => v.body)).toEqual(['v2', 'v1']);
		const edited = (await live()).find((c) => c.id === id);
		expect(edited).toMatchObject({ body: 'v3', deleted: false });
		expect(edited?.editedAt).toBeTypeOf('number');

		const before = commentCount((await hub.openRoom(boardId)).doc, cardId);
		expect(await deleteComment(runtime, (await findComment(temp.db, id))!, alice)).toBe(true);
		expect((await live()).find((c) => c.id === id)).toMatchObject({ body: '', deleted: true });
		expect((await findComment(temp.db, id))?.deleted_at).toBeTypeOf('number');
		expect(commentCount((await hub.openRoom(boardId)).doc, cardId)).toBe(before - 1);
		expect(await editComment(runtime, (await findComment(temp.db, id))!, alice, 'v4')).toBe(false);
		const kinds = (await listCardEvents(temp.db, cardId)).slice(0, 3).map((e) => e.kind);
		expect(kinds).toEqual(['comment-deleted', 'comment-edited', 'comment-edited']);
	});
});
