import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCard } from '../../src/lib/board/commands.ts';
import { putEntry, setField } from '../../src/lib/board/section-commands.ts';
import { newId } from '../../src/lib/server/ids.ts';
import type { Runtime } from '../../src/lib/server/runtime.ts';
import { DbLeases } from '../../src/lib/server/cluster/lease.ts';
import { runCheckInSchedule, runScheduledPass } from '../../src/lib/server/services/check-in-schedule.ts';
import { startRuntime } from '../../src/lib/server/start.ts';
import { createMember, createTestBoard, type Member } from '../factories/accounts.ts';
import { createPerson } from '../factories/people.ts';
import { until } from '../factories/portal.ts';
import { failInserts } from '../factories/db-faults.ts';
import { databaseUrlOf } from '../factories/pg.ts';
import { tempDatabase } from '../factories/server.ts';

// The production runtime (start.ts: migrations, sync hub, notifications, the schedule itself), in this
// process so that the clock can be chosen; restarted on the same file to prove notices survive restarts.
// Phases lie in 2030, so the passes the runtime makes on the real clock (at start) find nothing to say.

const config = {
	databaseUrl: '',
	redisUrl: null,
	nodeId: 'test',
	origin: null,
	seedDemo: false,
	smtpUrl: null,
	mailFrom: 'test@localhost'
};
const noon = (date: string) => Date.parse(`${date}T12:00:00Z`);

let runtime: Runtime;
let owner: Member;
let fan: Member;
let boardId: string;
const cardId = newId();

beforeAll(async () => {
	config.databaseUrl = databaseUrlOf(await tempDatabase());
	runtime = (await startRuntime(config)).runtime;
	owner = await createMember(runtime.db, 'Olivier');
	fan = await createPerson(runtime.db, owner.organizationId, 'Fanny');
	boardId = await createTestBoard(runtime.db, owner, 'Déploiements');
	await runtime.db
		.insertInto('card_follow')
		.values({ user_id: fan.userId, card_id: cardId, board_id: boardId, following: 1 })
		.execute();
	const room = await runtime.sync.openRoom(boardId);
	await room.write(null, (doc) => {
		createCard(doc, { id: cardId, title: 'Vrac en boutique', stage: 'rollout', rank: 'a0', createdBy: owner.userId });
		setField(doc, cardId, 'ownerId', owner.userId);
		putEntry(doc, cardId, 'phases', newId(), {
			name: 'Pilote',
			segments: [],
			start: '2030-01-07',
			end: '2030-03-31',
			cadence: 'weekly',
			decision: null
		});
	});
	await until(async () => {
		const row = await runtime.db.selectFrom('card').select('check_in_plan').where('id', '=', cardId).executeTakeFirst();
		return Boolean(row?.check_in_plan);
	}, 'the card’s plan in the projection');
});

afterAll(() => runtime.close());

const notices = () =>
	runtime.db
		.selectFrom('card_event')
		.select(['kind', 'data'])
		.where('card_id', '=', cardId)
		.where('kind', 'in', ['check-in-due', 'check-in-missed'])
		.orderBy('created_at')
		.execute();

const notificationsOf = (m: Member) =>
	runtime.db
		.selectFrom('notification')
		.select(['kind', 'data', 'card_id'])
		.where('user_id', '=', m.userId)
		.orderBy('created_at')
		.execute();

describe('the check-in schedule', () => {
	it('records a due date once and tells the owner only', async () => {
		expect(await runCheckInSchedule(runtime, noon('2030-01-13'))).toBe(1);
		expect(await runCheckInSchedule(runtime, noon('2030-01-13'))).toBe(0);
		expect(await runCheckInSchedule(runtime, noon('2030-01-14'))).toBe(0); // the same date, on the day
		expect((await notices()).map((e) => [e.kind, JSON.parse(e.data).date])).toEqual([['check-in-due', '2030-01-14']]);
		const [note, ...more] = await notificationsOf(owner);
		expect(more).toEqual([]);
		expect(note).toMatchObject({ kind: 'check-in', card_id: cardId });
		expect(JSON.parse(note!.data)).toEqual({ title: 'Vrac en boutique', date: '2030-01-14', missed: false });
		expect(await notificationsOf(fan)).toEqual([]);
	});

	it('records a missed date once, across a restart of the runtime', async () => {
		await runtime.close();
		runtime = (await startRuntime(config)).runtime;
		expect(await runCheckInSchedule(runtime, noon('2030-01-13'))).toBe(0);
		expect(await runCheckInSchedule(runtime, noon('2030-01-15'))).toBe(1);
		await runtime.close();
		runtime = (await startRuntime(config)).runtime;
		expect(await runCheckInSchedule(runtime, noon('2030-01-15'))).toBe(0);
		expect((await notices()).map((e) => [e.kind, JSON.parse(e.data).date])).toEqual([
			['check-in-due', '2030-01-14'],
			['check-in-missed', '2030-01-14']
		]);
		const notes = await notificationsOf(owner);
		expect(notes.map((n) => JSON.parse(n.data).missed)).toEqual([false, true]);
	});

	it('claims a notice, records its event and notifies in one transaction: a failure in the middle leaves nothing', async () => {
		const heal = await failInserts(runtime.db, 'notification', boardId);
		await expect(runCheckInSchedule(runtime, noon('2030-01-20'))).rejects.toThrow();
		await heal();
		const claims = await runtime.db
			.selectFrom('check_in_notice')
			.select('due_date')
			.where('card_id', '=', cardId)
			.execute();
		expect(claims.map((c) => c.due_date).sort()).toEqual(['2030-01-14', '2030-01-14']);
		expect(await notices()).toHaveLength(2);
		// Nothing was claimed, so the next pass records it, with its notification.
		expect(await runCheckInSchedule(runtime, noon('2030-01-20'))).toBe(1);
		expect((await notices()).map((e) => JSON.parse(e.data).date)).toEqual(['2030-01-14', '2030-01-14', '2030-01-21']);
		expect((await notificationsOf(owner)).map((n) => JSON.parse(n.data).date)).toEqual([
			'2030-01-14',
			'2030-01-14',
			'2030-01-21'
		]);
	});

	it('makes one pass between two processes that share the database', async () => {
		const [a, b] = [new DbLeases(runtime.db, 'a'), new DbLeases(runtime.db, 'b')];
		try {
			const passes = await Promise.all([
				runScheduledPass(runtime, a, noon('2030-01-27')),
				runScheduledPass(runtime, b, noon('2030-01-27'))
			]);
			expect(passes.filter((p) => p === null)).toHaveLength(1);
			// The holder keeps the schedule for its later passes; the other still skips.
			const other = passes[0] === null ? a : b;
			expect(await runScheduledPass(runtime, other, noon('2030-01-28'))).toBeNull();
		} finally {
			await Promise.all([a.close(), b.close()]);
		}
	});

	it('stops once the outcome is recorded', async () => {
		const room = await runtime.sync.openRoom(boardId);
		await room.write(null, (doc) => setField(doc, cardId, 'outcomeVerdict', 'generalised'));
		await room.write(null, (doc) => setField(doc, cardId, 'outcomeDate', '2030-01-20'));
		await until(async () => {
			const row = await runtime.db
				.selectFrom('card')
				.select('check_in_plan')
				.where('id', '=', cardId)
				.executeTakeFirst();
			return JSON.parse(row?.check_in_plan ?? '{}').closed === true;
		}, 'the closed plan in the projection');
		expect(await runCheckInSchedule(runtime, noon('2030-01-27'))).toBe(0);
	});
});
