import { readSettings } from '#lib/board/board-settings.ts';
import { missedCheckIns, nextCheckInDue } from '#lib/domain/method/cadence.ts';
import type { IsoDate } from '#lib/domain/method/types.ts';
import type { Runtime } from '../runtime.ts';
import { parseCheckInPlan, planToMethodCard, type CheckInPlan } from '../sync/check-in-plan.ts';
import { recordEvent } from './events.ts';

/**
 * Check-ins due or missed on cards in Rollout: a periodic look at the calendar (dates pass without
 * anyone touching the board) that records a 'check-in-due' or 'check-in-missed' card event once per
 * card and cadence date; the notifications service then tells the card's owner.
 */

export const CHECK_EVERY_MS = 60 * 60 * 1000;
/** A check-in is announced this many days ahead (1: the day before and on the day). */
export const DUE_NOTICE_DAYS = 1;

export type CheckInNoticeKind = 'check-in-due' | 'check-in-missed';

export interface CheckInNotice {
	kind: CheckInNoticeKind;
	date: IsoDate;
	/** Due: days until the date. Missed: how many cadence dates are now unanswered. */
	inDays?: number;
	missedCount?: number;
}

/**
 * The notices a card's plan calls for at `now` in the board's time zone: its next date when it is
 * close, and its latest missed date (only the latest: a card left for weeks gives one notice, not
 * one per week, and each later miss becomes the latest in its turn).
 */
export function checkInNotices(plan: CheckInPlan, now: Date | number, timeZone: string): CheckInNotice[] {
	const card = planToMethodCard(plan);
	const notices: CheckInNotice[] = [];
	const missed = missedCheckIns(card, now, timeZone);
	const latest = missed.dates.at(-1);
	if (latest) notices.push({ kind: 'check-in-missed', date: latest, missedCount: missed.count });
	const next = nextCheckInDue(card, now, timeZone);
	if (next && next.inDays <= DUE_NOTICE_DAYS)
		notices.push({ kind: 'check-in-due', date: next.date, inDays: next.inDays });
	return notices;
}

type ScheduleRuntime = Pick<Runtime, 'db' | 'sync'>;

/** One pass over every board with live cards in Rollout; returns how many events it recorded. */
export async function runCheckInSchedule(runtime: ScheduleRuntime, now: number): Promise<number> {
	const { db } = runtime;
	const boards = await db
		.selectFrom('card')
		.select('board_id')
		.distinct()
		.where('stage', '=', 'rollout')
		.where('archived', '=', 0)
		.execute();
	let recorded = 0;
	for (const { board_id: boardId } of boards) {
		// Opening the room projects its cards afresh (filling plans written before the migration)
		// and gives the board's time zone.
		const room = await runtime.sync.openRoom(boardId);
		const { timeZone } = readSettings(room.doc);
		const cards = await db
			.selectFrom('card')
			.select(['id', 'check_in_plan'])
			.where('board_id', '=', boardId)
			.where('stage', '=', 'rollout')
			.where('archived', '=', 0)
			.execute();
		for (const card of cards) {
			const plan = parseCheckInPlan(card.check_in_plan);
			if (!plan) continue;
			for (const notice of checkInNotices(plan, now, timeZone))
				if (await recordNotice(runtime, boardId, card.id, notice, now)) recorded++;
		}
	}
	return recorded;
}

/** Claims (card, kind, date) first: a notice already claimed, by this run or an earlier one, is skipped. */
async function recordNotice(
	{ db }: ScheduleRuntime,
	boardId: string,
	cardId: string,
	{ kind, date, ...facts }: CheckInNotice,
	now: number
): Promise<boolean> {
	const claimed = await db
		.insertInto('check_in_notice')
		.values({ card_id: cardId, kind, due_date: date, board_id: boardId, created_at: now })
		.onConflict((oc) => oc.columns(['card_id', 'kind', 'due_date']).doNothing())
		.executeTakeFirst();
	if (Number(claimed.numInsertedOrUpdatedRows ?? 0) === 0) return false;
	await recordEvent(db, { boardId, cardId, kind, actorId: null, data: { date, ...facts }, at: now });
	return true;
}

/**
 * Runs the schedule now and then every `every` ms (one pass at a time); `clock` is injectable for
 * tests. Returns the way to stop, which waits for a pass under way (before the hub closes).
 */
export function startCheckInSchedule(
	runtime: ScheduleRuntime,
	{ clock = Date.now, every = CHECK_EVERY_MS }: { clock?: () => number; every?: number } = {}
): () => Promise<void> {
	let stopped = false;
	let pass: Promise<unknown> = Promise.resolve();
	const tick = () => {
		if (stopped) return;
		pass = pass
			.then(() => runCheckInSchedule(runtime, clock()))
			.catch((error: unknown) => console.error(`[check-ins] schedule: ${String(error)}`));
	};
	tick();
	const timer = setInterval(tick, every);
	timer.unref();
	return async () => {
		stopped = true;
		clearInterval(timer);
		await pass;
	};
}
