import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { openTempDatabase, type TempDatabase } from '../../../../tests/factories/db.ts';
import { createCard, moveCard } from '#lib/board/commands.ts';
import { getCard } from '#lib/board/schema.ts';
import { learningsText } from '#lib/board/section-store.ts';
import { newId } from '../ids.ts';
import { CardProjection } from './card-projection.ts';

let temp: TempDatabase;
let boardId: string;

beforeAll(async () => {
	temp = await openTempDatabase('bouture-projection-');
	const organizationId = newId();
	boardId = newId();
	const now = Date.now();
	await temp.db.insertInto('organization').values({ id: organizationId, name: 'Org', created_at: now }).execute();
	await temp.db
		.insertInto('board')
		.values({ id: boardId, organization_id: organizationId, name: 'Board', created_at: now, updated_at: now })
		.execute();
});

afterAll(() => temp.dispose());

/** A projection of `doc` that counts its flushes (each reads the feed once). */
function countingFlushes(doc: Y.Doc) {
	let flushes = 0;
	const projection = new CardProjection(temp.db, boardId, doc, {
		feed: async () => {
			flushes += 1;
			return new Y.Doc();
		},
		mayOverride: async () => false,
		onBypass: () => undefined
	});
	return { projection, flushes: () => flushes };
}

describe('CardProjection', () => {
	it('runs one flush at a time: those asked for meanwhile become one more, which projects every change', async () => {
		const doc = new Y.Doc();
		const { projection, flushes } = countingFlushes(doc);
		const card = (id: string) => createCard(doc, { id, title: id, stage: 'ideas', rank: `a${id}`, createdBy: 'u' });
		card('one');
		const asked = [projection.flush()];
		card('two');
		asked.push(projection.flush());
		card('three');
		moveCard(doc, 'two', 'review', 'a0');
		asked.push(projection.flush());
		await Promise.all(asked);

		expect(flushes()).toBe(2);
		const rows = await temp.db.selectFrom('card').select(['id', 'stage']).where('board_id', '=', boardId).execute();
		expect(Object.fromEntries(rows.map((r) => [r.id, r.stage]))).toEqual({
			one: 'ideas',
			two: 'review',
			three: 'ideas'
		});
		const created = await temp.db.selectFrom('card_event').select('card_id').where('kind', '=', 'created').execute();
		expect(created.map((e) => e.card_id).sort()).toEqual(['one', 'three', 'two']);
		projection.stop();
	});

	it('re-projects a card whose notes alone changed (texts outside the cards map)', async () => {
		const doc = new Y.Doc();
		const projection = new CardProjection(temp.db, boardId, doc, {
			feed: async () => new Y.Doc(),
			mayOverride: async () => false,
			onBypass: () => undefined
		});
		const id = 'card_notes_0001';
		createCard(doc, { id, title: 'Notes', stage: 'ideas', rank: 'a0', createdBy: 'u' });
		await projection.flush();
		const updatedAt = async () =>
			(await temp.db.selectFrom('card').select('updated_at').where('id', '=', id).executeTakeFirstOrThrow()).updated_at;
		const before = await updatedAt();
		await new Promise((resolve) => setTimeout(resolve, 5));
		const peer = new Y.Doc();
		Y.applyUpdate(peer, Y.encodeStateAsUpdate(doc));
		const sent: Uint8Array[] = [];
		peer.on('update', (update: Uint8Array) => sent.push(update));
		learningsText(getCard(peer, id)!)?.insert(0, 'Start small');
		for (const update of sent) Y.applyUpdate(doc, update, { userId: 'user_peer_0001' });
		await projection.flush();
		expect(await updatedAt()).toBeGreaterThan(before);
		projection.stop();
	});

	it('projects a burst of changes asked for with flushSoon in one flush', async () => {
		const doc = new Y.Doc();
		const { projection, flushes } = countingFlushes(doc);
		for (const id of ['soon-1', 'soon-2', 'soon-3']) {
			createCard(doc, { id, title: id, stage: 'ideas', rank: `a${id}`, createdBy: 'u' });
			projection.flushSoon();
		}
		await vi.waitFor(async () => {
			const rows = await temp.db.selectFrom('card').select('id').where('id', 'like', 'soon-%').execute();
			expect(rows).toHaveLength(3);
		});
		expect(flushes()).toBe(1);
		projection.stop();
	});
});
