import { FileMigrationProvider, Migrator } from 'kysely/migration';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/lib/server/db/open.ts';
import { tempDbPath } from '../factories/server.ts';

/** Migration 2026-12-06-005: cards the log never placed get one backfilled 'created' event, once. */

const db = openDatabase(`file:${tempDbPath()}`, 5000);
const migrator = new Migrator({
	db,
	provider: new FileMigrationProvider({ fs, path, migrationFolder: path.resolve('migrations') })
});

afterAll(() => db.destroy());

const row = (id: string, stage: string, updatedAt: number) => ({
	id,
	board_id: 'board-1',
	title: id,
	stage,
	rank: 'a0',
	archived: 0,
	updated_at: updatedAt,
	owner_id: null,
	team_id: null,
	check_in_plan: null
});
const event = (id: string, cardId: string, kind: string, at: number) => ({
	id,
	board_id: 'board-1',
	card_id: cardId,
	kind,
	actor_id: null,
	data: '{}',
	created_at: at
});

describe('the flow backfill migration', () => {
	it('places each card the log never placed, at the earliest time the server knows of it', async () => {
		const before = await migrator.migrateTo('2026-12-06-001-standup-options');
		expect(before.error).toBeUndefined();
		await db.insertInto('organization').values({ id: 'org-1', name: 'Org', created_at: 1 }).execute();
		await db
			.insertInto('board')
			.values({ id: 'board-1', organization_id: 'org-1', name: 'B', created_at: 1, updated_at: 1 })
			.execute();
		await db
			.insertInto('card')
			.values([row('old', 'scope', 5000), row('commented', 'rollout', 9000), row('new', 'review', 7000)])
			.execute();
		await db
			.insertInto('card_event')
			.values([event('e1', 'commented', 'comment', 3000), event('e2', 'new', 'created', 6000)])
			.execute();
		const after = await migrator.migrateToLatest();
		expect(after.error).toBeUndefined();
		const backfilled = await db
			.selectFrom('card_event')
			.select(['card_id', 'kind', 'data', 'created_at'])
			.where('id', 'like', 'backfill-%')
			.orderBy('card_id')
			.execute();
		expect(backfilled).toEqual([
			{ card_id: 'commented', kind: 'created', data: '{"stage":"rollout","backfilled":true}', created_at: 3000 },
			{ card_id: 'old', kind: 'created', data: '{"stage":"scope","backfilled":true}', created_at: 5000 }
		]);
	});
});
