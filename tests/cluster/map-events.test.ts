import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/lib/server/db/open.ts';
import { createMember, createTestBoard, openTestDb, type Member } from '../factories/accounts.ts';
import { startCluster, type Cluster } from '../factories/cluster.ts';
import { openStream } from '../factories/event-stream.ts';
import { writeCards } from '../factories/portal.ts';

let cluster: Cluster;
let db: Db;
let owner: Member;

beforeAll(async () => {
	cluster = await startCluster(2);
	db = openTestDb(cluster.databaseUrl);
	owner = await createMember(db, 'Olivier');
});

afterAll(async () => {
	await cluster?.stop();
	await db?.destroy();
});

describe('the organisation map’s live events across processes', () => {
	it('reach a map open on one process when a board changes through the other', async () => {
		const boardId = await createTestBoard(db, owner, 'Vrac');
		const [a, b] = [cluster.server(0), cluster.server(1)];
		const onB = await openStream(b.url, owner, '/admin/map/events');
		const onA = await openStream(a.url, owner, '/admin/map/events');
		expect(await onB.until('retry:', 2000)).toBe(true);
		expect(await onA.until('retry:', 2000)).toBe(true);

		await writeCards(a.url, db, owner, boardId, [{ title: 'Écrit sur A', stage: 'ideas' }]);
		expect(await onA.until('event: changed', 3000)).toBe(true);
		expect(await onB.until('event: changed', 3000)).toBe(true);
		await Promise.all([onA.close(), onB.close()]);
	});
});
