import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { moveCard, createCard } from '#lib/board/commands.ts';
import { getCard, readCard } from '#lib/board/schema.ts';
import { putEntry, setField } from '#lib/board/section-commands.ts';
import type { Cadence } from '#lib/domain/method/types.ts';
import { until } from '../../../../tests/factories/portal.ts';
import { openTestRuntime } from '../../../../tests/factories/runtime.ts';
import { checkInPlanColumn, parseCheckInPlan, type CheckInPlan } from '../projection/check-in-plan.ts';
import { checkInNotices, runCheckInSchedule } from './check-in-schedule.ts';

const at = (iso: string) => Date.parse(iso);
const noon = (date: string) => at(`${date}T12:00:00Z`);
const weekly = (over: Partial<CheckInPlan> = {}): CheckInPlan => ({
	phases: [{ start: '2026-01-05', end: '2026-03-29', cadence: 'weekly' }],
	lastCheckIn: null,
	closed: false,
	timeZone: 'Europe/Paris',
	...over
});

describe('checkInNotices', () => {
	it('announces the next date from the day before, not earlier', () => {
		expect(checkInNotices(weekly(), noon('2026-01-09'), 'UTC')).toEqual([]);
		expect(checkInNotices(weekly(), noon('2026-01-11'), 'UTC')).toEqual([
			{ kind: 'check-in-due', date: '2026-01-12', inDays: 1 }
		]);
		expect(checkInNotices(weekly(), noon('2026-01-12'), 'UTC')).toEqual([
			{ kind: 'check-in-due', date: '2026-01-12', inDays: 0 }
		]);
	});

	it('reports only the latest missed date, with how many are owed', () => {
		expect(checkInNotices(weekly(), noon('2026-01-13'), 'UTC')).toEqual([
			{ kind: 'check-in-missed', date: '2026-01-12', missedCount: 1 }
		]);
		expect(checkInNotices(weekly(), noon('2026-01-25'), 'UTC')).toEqual([
			{ kind: 'check-in-missed', date: '2026-01-19', missedCount: 2 },
			{ kind: 'check-in-due', date: '2026-01-26', inDays: 1 }
		]);
	});

	it('counts a late check-in for the dates it made up for', () => {
		expect(checkInNotices(weekly({ lastCheckIn: '2026-01-14' }), noon('2026-01-15'), 'UTC')).toEqual([]);
	});

	it('has nothing to say once the outcome is recorded, or before a phase with a far date', () => {
		expect(checkInNotices(weekly({ closed: true }), noon('2026-01-25'), 'UTC')).toEqual([]);
		expect(checkInNotices(weekly(), noon('2025-12-01'), 'UTC')).toEqual([]);
	});

	it('judges "today" in the board’s time zone', () => {
		// 23:30 UTC on the due date: still that day in UTC, already the next one in Paris.
		const lateEvening = at('2026-01-12T23:30:00Z');
		expect(checkInNotices(weekly(), lateEvening, 'UTC')).toEqual([
			{ kind: 'check-in-due', date: '2026-01-12', inDays: 0 }
		]);
		expect(checkInNotices(weekly(), lateEvening, 'Europe/Paris')).toEqual([
			{ kind: 'check-in-missed', date: '2026-01-12', missedCount: 1 }
		]);
		// Just after midnight in Paris is still the evening before in New York.
		const parisMorning = at('2026-01-11T00:30:00Z');
		expect(checkInNotices(weekly(), parisMorning, 'Europe/Paris')).toEqual([
			{ kind: 'check-in-due', date: '2026-01-12', inDays: 1 }
		]);
		expect(checkInNotices(weekly(), parisMorning, 'America/New_York')).toEqual([]);
	});
});

describe('the card’s stored plan', () => {
	function card(phases: { start: string; end: string; cadence: Cadence }[], checkIns: string[] = []) {
		const doc = new Y.Doc();
		createCard(doc, { id: 'c1', title: 'Four', stage: 'rollout', rank: 'a0', createdBy: 'u' });
		phases.forEach((p, i) => putEntry(doc, 'c1', 'phases', `p${i}`, { ...p, name: 'P', segments: [], decision: null }));
		checkIns.forEach((date, i) =>
			putEntry(doc, 'c1', 'checkIns', `k${i}`, { date, value: 3, confidence: 'on-track', note: '', by: 'u', at: i })
		);
		return readCard(getCard(doc, 'c1')!)!;
	}

	it('keeps the phases and the latest check-in; nothing without a phase', () => {
		expect(checkInPlanColumn(card([]), 'Europe/Paris')).toBeNull();
		const json = checkInPlanColumn(
			card([{ start: '2026-01-05', end: '2026-03-29', cadence: 'weekly' }], ['2026-01-20', '2026-01-13']),
			'Europe/Paris'
		);
		expect(parseCheckInPlan(json)).toEqual(weekly({ lastCheckIn: '2026-01-20' }));
	});

	it('reads a malformed plan as none, and drops malformed phases', () => {
		expect(parseCheckInPlan('{')).toBeNull();
		expect(parseCheckInPlan('null')).toBeNull();
		const odd = JSON.stringify({
			phases: [{ start: 'x', end: '2026-01-01', cadence: 'weekly' }],
			closed: 'yes',
			timeZone: 'Mars/Olympus'
		});
		expect(parseCheckInPlan(odd)).toEqual({ phases: [], lastCheckIn: null, closed: false, timeZone: null });
	});
});

describe('runCheckInSchedule', () => {
	let test: Awaited<ReturnType<typeof openTestRuntime>>;
	beforeEach(async () => {
		test = await openTestRuntime('bouture-checkins-', { title: 'Four', createdBy: 'u1' });
	});
	afterEach(() => test.dispose());

	async function toRollout(archived = false) {
		const room = await test.runtime.sync.openRoom(test.boardId);
		await room.write('u1', (doc) => {
			putEntry(doc, test.cardId, 'phases', 'p1', {
				name: 'Pilote',
				segments: [],
				start: '2026-01-05',
				end: '2026-03-29',
				cadence: 'weekly',
				decision: null
			});
			setField(doc, test.cardId, 'ownerId', 'u1');
			moveCard(doc, test.cardId, 'rollout', 'a1');
			getCard(doc, test.cardId)?.set('archived', archived);
		});
		await until(async () => {
			const row = await test.runtime.db
				.selectFrom('card')
				.select('check_in_plan')
				.where('stage', '=', 'rollout')
				.executeTakeFirst();
			return Boolean(row?.check_in_plan);
		}, 'the card in Rollout with its plan');
	}

	const events = () =>
		test.runtime.db
			.selectFrom('card_event')
			.select(['kind', 'data', 'actor_id'])
			.where('kind', 'in', ['check-in-due', 'check-in-missed'])
			.execute();

	it('records each notice once per card and date, however often it runs', async () => {
		await toRollout();
		expect(await runCheckInSchedule(test.runtime, noon('2026-01-11'))).toBe(1);
		expect(await runCheckInSchedule(test.runtime, noon('2026-01-12'))).toBe(0);
		expect(await runCheckInSchedule(test.runtime, noon('2026-01-13'))).toBe(1);
		expect(await runCheckInSchedule(test.runtime, noon('2026-01-13'))).toBe(0);
		const rows = await events();
		expect(rows.map((r) => [r.kind, JSON.parse(r.data).date, r.actor_id])).toEqual([
			['check-in-due', '2026-01-12', null],
			['check-in-missed', '2026-01-12', null]
		]);
	});

	it('leaves archived cards alone', async () => {
		await toRollout(true);
		expect(await runCheckInSchedule(test.runtime, noon('2026-01-13'))).toBe(0);
		expect(await events()).toEqual([]);
	});

	it('reads a plan stored before the time zone was kept with the board’s own zone', async () => {
		await toRollout();
		const plan = JSON.parse(
			(await test.runtime.db.selectFrom('card').select('check_in_plan').executeTakeFirstOrThrow()).check_in_plan!
		);
		delete plan.timeZone;
		await test.runtime.db
			.updateTable('card')
			.set({ check_in_plan: JSON.stringify(plan) })
			.execute();
		expect(await runCheckInSchedule(test.runtime, noon('2026-01-11'))).toBe(1);
		expect((await events()).map((e) => JSON.parse(e.data).date)).toEqual(['2026-01-12']);
	});
});
