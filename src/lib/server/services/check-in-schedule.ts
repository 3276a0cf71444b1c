import { readSettings } from '#lib/board/board-settings.ts';
import { missedCheckIns, nextCheckInDue } from '#lib/domain/method/cadence.ts';
import type { IsoDate } from '#lib/domain/method/types.ts';
import type { BoardDeps } from '../deps.ts';
import { parseCheckInPlan, planToMethodCard, type CheckInPlan } from '../projection/check-in-plan.ts';
import { soloLeases, type Leases } from '../cluster/lease.ts';
import { recordClaimedEvent } from './events.ts';

/**
 * Check-ins due or missed on cards in Rollout: a periodic look at the calendar (dates pass without
 * anyone touching the board) that records a 'check-in-due' or 'check-in-missed' card event once per
 * card and cadence date; the notifications service then tells the card's owner.
 */

export const CHECK_EVERY_MS = 60 * 60 * 1000;
export const FIRST_CHECK_AFTER_MS = 10_000;
/** A check-in is announced this many days ahead (1: the day before and on the day). */
export const DUE_NOTICE_DAYS = 1;
const CHECK_IN_LEASE = 'job:check-ins';

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

/**
 * One pass over every live card in Rollout; returns how many events it recorded. It reads the
 * projection only: a board is opened (and so projected afresh) only when one of its plans predates
 * the time zone being kept in it. Between boards it lets the server breathe: SQLite answers
 * synchronously, so a long pass would otherwise hold the event loop.
 */
export async function runCheckInSchedule(deps: BoardDeps, now: number): Promise<number> {
	let recorded = 0;
	for (const [boardId, cards] of await rolloutPlans(deps.db)) {
		let plans = cards;
		let boardZone: string | null = null;
		if (plans.some(({ plan }) => !plan?.timeZone)) {
			// Plans from before the time zone was kept (or before plans were): opening the board
			// projects its cards afresh, and its settings give the zone meanwhile.
			await deps.sync.openRoom(boardId);
			boardZone = readSettings((await deps.sync.openFeed(boardId)).doc).timeZone;
			plans = (await rolloutPlans(deps.db, boardId)).get(boardId) ?? [];
		}
		for (const { cardId, plan } of plans) {
			const timeZone = plan?.timeZone ?? boardZone;
			if (!plan || !timeZone) continue;
			for (const notice of checkInNotices(plan, now, timeZone))
				if (await recordNotice(deps, boardId, cardId, notice, now)) recorded++;
		}
		await new Promise((resolve) => setImmediate(resolve));
	}
	return recorded;
}

/** Board id → its live Rollout cards with their plans (every board, or one). */
async function rolloutPlans(db: BoardDeps['db'], boardId?: string) {
	let query = db
		.selectFrom('card')
		.select(['id', 'board_id', 'check_in_plan'])
		.where('stage', '=', 'rollout')
		.where('archived', '=', 0);
	if (boardId) query = query.where('board_id', '=', boardId);
	const byBoard = new Map<string, { cardId: string; plan: CheckInPlan | null }[]>();
	for (const row of await query.orderBy('board_id').execute()) {
		const list = byBoard.get(row.board_id) ?? [];
		list.push({ cardId: row.id, plan: parseCheckInPlan(row.check_in_plan) });
		byBoard.set(row.board_id, list);
	}
	return byBoard;
}

/**
 * Claims (card, kind, date) and records its event in one transaction: a notice already claimed, by this
 * run, an earlier one or another process, is skipped; a crash between the two leaves neither.
 */
async function recordNotice(
	{ db }: BoardDeps,
	boardId: string,
	cardId: string,
	{ kind, date, ...facts }: CheckInNotice,
	now: number
): Promise<boolean> {
	const claim = async (trx: BoardDeps['db']) => {
		const claimed = await trx
			.insertInto('check_in_notice')
			.values({ card_id: cardId, kind, due_date: date, board_id: boardId, created_at: now })
			.onConflict((oc) => oc.columns(['card_id', 'kind', 'due_date']).doNothing())
			.executeTakeFirst();
		return Number(claimed.numInsertedOrUpdatedRows ?? 0) > 0;
	};
	const event = { boardId, cardId, kind, actorId: null, data: { date, ...facts }, at: now };
	return (await recordClaimedEvent(db, claim, event)) !== null;
}

/**
 * One pass if this process holds the schedule's lease (taken here, kept while this process lives), so
 * that N processes make one pass per interval between them; null when another process has it.
 */
export async function runScheduledPass(deps: BoardDeps, leases: Leases, now: number): Promise<number | null> {
	if (!(await leases.acquire(CHECK_IN_LEASE))) return null;
	return runCheckInSchedule(deps, now);
}

/**
 * Runs the schedule `firstAfter` ms from now, then every `every` ms (one pass at a time, and in a cluster
 * only at the holder of its lease); `clock` is injectable for tests. Returns the way to stop, which waits for a pass under way (before the hub closes).
 */
export function startCheckInSchedule(
	deps: BoardDeps,
	{
		clock = Date.now,
		every = CHECK_EVERY_MS,
		firstAfter = FIRST_CHECK_AFTER_MS,
		leases = soloLeases
	}: { clock?: () => number; every?: number; firstAfter?: number; leases?: Leases } = {}
): () => Promise<void> {
	let stopped = false;
	let pass: Promise<unknown> = Promise.resolve();
	const tick = () => {
		if (stopped) return;
		pass = pass
			.then(() => runScheduledPass(deps, leases, clock()))
			.catch((error: unknown) => console.error(`[check-ins] schedule: ${String(error)}`));
	};
	// The first pass waits until the server is up and serving: it must never delay the start.
	const first = setTimeout(tick, firstAfter);
	const timer = setInterval(tick, every);
	first.unref();
	timer.unref();
	return async () => {
		stopped = true;
		clearTimeout(first);
		clearInterval(timer);
		await pass;
	};
}
