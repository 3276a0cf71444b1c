import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertCardRow } from '../../../../tests/factories/cards.ts';
import { openTempDatabase, type TempDatabase } from '../../../../tests/factories/db.ts';
import { newId } from '../ids.ts';
import { loadSocialMap } from './social-map.ts';

let temp: TempDatabase;
const organizationId = newId();
const boardId = newId();
const [alice, bob] = [newId(), newId()];
const [dev, ops] = [newId(), newId()];
const [opsCard, devCard] = [newId(), newId()];

beforeAll(async () => {
	temp = await openTempDatabase('bouture-social-map-');
	const { db } = temp;
	const now = 1500;
	await db.insertInto('organization').values({ id: organizationId, name: 'Org', created_at: now }).execute();
	await db
		.insertInto('board')
		.values({ id: boardId, organization_id: organizationId, name: 'B', created_at: now, updated_at: now })
		.execute();
	for (const [id, name] of [
		[alice, 'Alice'],
		[bob, 'Bob']
	] as const) {
		await db
			.insertInto('user')
			.values({ id, email: `${id}@x.fr`, name, password_hash: 'x', color: '#000', created_at: now })
			.execute();
	}
	await db
		.insertInto('team')
		.values([
			{ id: dev, organization_id: organizationId, name: 'Dev', color: '#111' },
			{ id: ops, organization_id: organizationId, name: 'Ops', color: '#222' }
		])
		.execute();
	await db
		.insertInto('team_member')
		.values([
			{ team_id: dev, user_id: alice },
			{ team_id: ops, user_id: bob }
		])
		.execute();
	const card = (id: string, title: string, teamId: string) => insertCardRow(db, { id, boardId, title, teamId });
	await Promise.all([card(opsCard, 'Tournée', ops), card(devCard, 'API', dev)]);
	const comment = (author: string, cardId: string, at: number, deleted: number | null = null) => ({
		id: newId(),
		board_id: boardId,
		card_id: cardId,
		parent_id: null,
		author_id: author,
		body: 'x',
		created_at: at,
		edited_at: null,
		deleted_at: deleted
	});
	await db
		.insertInto('comment')
		.values([
			comment(alice, opsCard, 1000),
			comment(alice, opsCard, 1100, 1200),
			comment(alice, opsCard, 2000),
			comment(alice, devCard, 1000)
		])
		.execute();
	const event = (kind: string, actor: string, cardId: string, data: object, at: number) => ({
		id: newId(),
		board_id: boardId,
		card_id: cardId,
		kind,
		actor_id: actor,
		data: JSON.stringify(data),
		created_at: at
	});
	await db
		.insertInto('card_event')
		.values([
			event('help-closed', alice, opsCard, { commentId: 'q', by: 'answer' }, 1300),
			event('help-closed', bob, opsCard, { commentId: 'q2', by: 'asker' }, 1300),
			event('signal', alice, opsCard, { value: 'x' }, 1400),
			event('signal', bob, devCard, { value: 'x' }, 999)
		])
		.execute();
});

afterAll(async () => {
	await temp.dispose();
});

describe('loadSocialMap', () => {
	it('counts comments, answered help and signals from SQL, for a board and for the organisation', async () => {
		for (const scope of [{ boardId }, { organizationId }]) {
			const map = await loadSocialMap(temp.db, scope, { from: 1000, to: 2000 });
			expect(map.cells[dev]?.[ops]).toEqual({ comments: 1, help: 1, signals: 1, total: 3 });
			expect(map.cells[ops]?.[dev]).toEqual({ comments: 0, help: 0, signals: 0, total: 0 });
			expect(map.isolated.map((c) => c.id)).toEqual([devCard]);
		}
	});
});
