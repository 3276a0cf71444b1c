import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/lib/server/db/open.ts';
import { createMember, createTestBoard, openTestDb, type Member } from '../factories/accounts.ts';
import { createPerson } from '../factories/people.ts';
import { writeCards } from '../factories/portal.ts';
import { openStream } from '../factories/event-stream.ts';
import { startServer, type RunningServer } from '../factories/server.ts';

let server: RunningServer;
let db: Db;
let owner: Member;
let manager: Member;
let claire: Member;
let stranger: Member;

beforeAll(async () => {
	server = await startServer();
	db = openTestDb(server.dbPath);
	owner = await createMember(db, 'Olivier');
	manager = await createPerson(db, owner.organizationId, 'Maud', 'manager');
	claire = await createPerson(db, owner.organizationId, 'Claire');
	stranger = await createMember(db, 'Stranger');
});

afterAll(async () => {
	await server.stop();
	await db.destroy();
});

const get = (who: Member | null, path: string) =>
	fetch(`${server.url}${path}`, { headers: who ? { Cookie: who.cookie } : {}, redirect: 'manual' });

describe('the organisation map’s live events', () => {
	it('are for owners and managers only, and /map leads to the map in the administration area', async () => {
		expect((await get(claire, '/admin/map/events')).status).toBe(403);
		expect((await get(null, '/admin/map/events')).status).toBe(303);
		expect((await get(claire, '/map')).status).toBe(403);
		const moved = await get(owner, '/map?from=2026-01-01');
		expect(moved.status).toBe(308);
		expect(moved.headers.get('location')).toBe('/admin/map?from=2026-01-01');
	});

	it('say `changed` after a card event on one of the organisation’s boards, not on another organisation’s', async () => {
		const ours = await createTestBoard(db, owner, 'Vrac');
		const theirs = await createTestBoard(db, stranger, 'Ailleurs');
		const stream = await openStream(server.url, manager, '/admin/map/events');
		expect(await stream.until('retry:', 2000)).toBe(true);

		await writeCards(server.url, db, stranger, theirs, [{ title: 'Pas chez nous', stage: 'ideas' }]);
		expect(await stream.until('event: changed', 800)).toBe(false);

		await writeCards(server.url, db, owner, ours, [{ title: 'Chez nous', stage: 'ideas' }]);
		expect(await stream.until('event: changed', 3000)).toBe(true);
		await stream.close();
	});
});
