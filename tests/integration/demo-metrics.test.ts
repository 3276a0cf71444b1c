import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STAGES } from '../../src/lib/domain/stages.ts';
import type { Db } from '../../src/lib/server/db/open.ts';
import { createSession } from '../../src/lib/server/auth/session.ts';
import { generateSessionToken } from '../../src/lib/server/auth/token.ts';
import { openTestDb } from '../factories/accounts.ts';
import { startServer, type RunningServer } from '../factories/server.ts';
import { eventually } from '../factories/yclient.ts';

/**
 * The demo's past: the seed writes each initiative's way through the stages into the card log, so the
 * demo's metrics have something to show, and that past ends where the cards are today.
 */

let server: RunningServer;
let db: Db;
let cookie = '';
let boardId = '';

beforeAll(async () => {
	server = await startServer({ env: { SEED_DEMO: 'true' } });
	db = openTestDb(server.dbPath);
	const claire = await db
		.selectFrom('user')
		.select('id')
		.where('email', '=', 'claire@demo.bouture.fr')
		.executeTakeFirstOrThrow();
	const token = generateSessionToken();
	await createSession(db, token, claire.id);
	cookie = `session=${token}`;
	boardId = (
		await db.selectFrom('board').select('id').where('name', '=', 'Micro-initiatives 2026').executeTakeFirstOrThrow()
	).id;
}, 30_000);

afterAll(async () => {
	await server.stop();
	await db.destroy();
});

const csv = async (figure: string) => {
	const res = await fetch(`${server.url}/b/${boardId}/metrics/export?figure=${figure}`, {
		headers: { Cookie: cookie }
	});
	return (await res.text())
		.trim()
		.split('\r\n')
		.slice(1)
		.map((line) => line.split(','));
};

describe('the demo’s flow', () => {
	it('ends today with every card in the stage the board shows', async () => {
		const today = (await csv('cumulative')).at(-1)!.slice(1).map(Number);
		const live = () =>
			db.selectFrom('card').select('stage').where('board_id', '=', boardId).where('archived', '=', 0).execute();
		// The seed's writes reach the card rows through the projection, a few milliseconds behind.
		const total = today.reduce((sum, n) => sum + n, 0);
		await eventually(async () => (await live()).length === total, 5000, 'the demo cards projected');
		const rows = await live();
		expect(today).toEqual(STAGES.map((stage) => rows.filter((r) => r.stage === stage).length));
	});

	it('has initiatives that reached Outcome, with verdicts, stays in each stage and a cycle time', async () => {
		const done = (await csv('throughput')).reduce((sum, [, count]) => sum + Number(count), 0);
		expect(done).toBeGreaterThan(0);
		const outcomes = await csv('outcomes');
		expect(outcomes.reduce((sum, [, count]) => sum + Number(count), 0)).toBe(done);
		const time = await csv('time');
		expect(time.every(([, count]) => Number(count) > 0)).toBe(true);
	});
});
