import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardComments, commentCount, threads } from '#lib/board/comments.ts';
import { createMember } from '../../../../tests/factories/accounts.ts';
import { openTestRuntime } from '../../../../tests/factories/runtime.ts';
import { newId } from '../ids.ts';
import type { BoardDeps } from '../deps.ts';
import { addComment, deleteComment, editComment, findComment, listCommentVersions } from './comments.ts';
import { listCardEvents } from './events.ts';

let world: Awaited<ReturnType<typeof openTestRuntime>>;
let runtime: BoardDeps;
let boardId: string;
let cardId: string;
let alice: string;
let bruno: string;

beforeAll(async () => {
	world = await openTestRuntime('bouture-test-', { title: 'Vrac', createdBy: newId() });
	({ runtime, boardId, cardId } = world);
	// Real people: a comment's event notifies and makes its author follow the card in its own transaction.
	alice = (await createMember(runtime.db, 'Alice')).userId;
	bruno = (await createMember(runtime.db, 'Bruno')).userId;
});

afterAll(() => world.dispose());

const live = async () => cardComments((await runtime.sync.openFeed(boardId)).doc, cardId);

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
		expect((await findComment(runtime.db, id!))?.body).toBe('Bonjour **équipe**');
		expect(await live()).toMatchObject([
			{ id, authorId: alice, body: 'Bonjour **équipe**', deleted: false, parentId: null }
		]);
		const [event] = await listCardEvents(runtime.db, cardId);
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
		expect(await editComment(runtime, (await findComment(runtime.db, id))!, alice, 'v2')).toBe(true);
		expect(await editComment(runtime, (await findComment(runtime.db, id))!, alice, 'v3')).toBe(true);
		expect((await listCommentVersions(runtime.db, id)).map((v) => v.body)).toEqual(['v2', 'v1']);
		const edited = (await live()).find((c) => c.id === id);
		expect(edited).toMatchObject({ body: 'v3', deleted: false });
		expect(edited?.editedAt).toBeTypeOf('number');

		const before = commentCount((await runtime.sync.openFeed(boardId)).doc, cardId);
		expect(await deleteComment(runtime, (await findComment(runtime.db, id))!, alice)).toBe(true);
		expect((await live()).find((c) => c.id === id)).toMatchObject({ body: '', deleted: true });
		expect((await findComment(runtime.db, id))?.deleted_at).toBeTypeOf('number');
		expect(commentCount((await runtime.sync.openFeed(boardId)).doc, cardId)).toBe(before - 1);
		expect(await editComment(runtime, (await findComment(runtime.db, id))!, alice, 'v4')).toBe(false);
		const kinds = (await listCardEvents(runtime.db, cardId)).slice(0, 3).map((e) => e.kind);
		expect(kinds).toEqual(['comment-deleted', 'comment-edited', 'comment-edited']);
	});
});
