import type { Selectable } from 'kysely';
import { AGENDA_FILTERS, DEFAULT_AGENDA_OPTIONS, type AgendaOptions } from '#lib/domain/standup/agenda.ts';
import type { StandupSummary } from '#lib/domain/standup/record.ts';
import type { StandupCadence } from '#lib/domain/standup/week.ts';
import { lockRow } from '../db/lock.ts';
import type { Db } from '../db/open.ts';
import type { StandupTables } from '../db/standup-schema.ts';
import { newId } from '../ids.ts';
import { recordEvent } from './events.ts';
import { enqueueHookEvent } from '../webhooks/outbox.ts';

/** A board's weekly stand-up: running while `endedAt` is null, at most one at a time per board. */
export interface Standup {
	id: string;
	boardId: string;
	facilitatorId: string;
	/** Changes are counted from here: the end of the previous stand-up, or a week before this one. */
	since: number;
	startedAt: number;
	endedAt: number | null;
	timeBox: number;
	locale: 'fr' | 'en';
	summary: StandupSummary | null;
	/** Chosen once, at the start: every screen walks the stand-up with these. */
	options: AgendaOptions;
	/** The card ids to walk, in order, fixed at the start; null for stand-ups started before they were kept. */
	agenda: string[] | null;
}

const WEEK_MS = 7 * 86_400_000;

function toStandup(row: Selectable<StandupTables['standup']>): Standup {
	return {
		id: row.id,
		boardId: row.board_id,
		facilitatorId: row.facilitator_id,
		since: Number(row.since),
		startedAt: Number(row.started_at),
		endedAt: row.ended_at === null ? null : Number(row.ended_at),
		timeBox: row.time_box,
		locale: row.locale === 'en' ? 'en' : 'fr',
		summary: row.summary ? (JSON.parse(row.summary) as StandupSummary) : null,
		options: row.options ? readOptions(JSON.parse(row.options)) : DEFAULT_AGENDA_OPTIONS,
		agenda: row.agenda ? (JSON.parse(row.agenda) as unknown[]).filter((id) => typeof id === 'string') : null
	};
}

/** Stored options, whatever an older or damaged row holds. */
function readOptions(stored: Partial<Record<keyof AgendaOptions, unknown>>): AgendaOptions {
	const filter = AGENDA_FILTERS.find((f) => f === stored.filter) ?? 'all';
	const teamId = typeof stored.teamId === 'string' ? stored.teamId : null;
	return { riskFirst: stored.riskFirst === true, filter, teamId };
}

/** Where "what changed" starts for a stand-up starting `now`: the end of the previous one, or a week before. */
export async function standupSince(db: Db, boardId: string, now: number): Promise<number> {
	const previous = await db
		.selectFrom('standup')
		.select('ended_at')
		.where('board_id', '=', boardId)
		.where('ended_at', 'is not', null)
		.orderBy('ended_at', 'desc')
		.executeTakeFirst();
	return previous?.ended_at ? Number(previous.ended_at) : now - WEEK_MS;
}

export async function findStandup(db: Db, standupId: string): Promise<Standup | null> {
	const row = await db.selectFrom('standup').selectAll().where('id', '=', standupId).executeTakeFirst();
	return row ? toStandup(row) : null;
}

export async function findRunningStandup(db: Db, boardId: string): Promise<Standup | null> {
	const row = await db
		.selectFrom('standup')
		.selectAll()
		.where('board_id', '=', boardId)
		.where('ended_at', 'is', null)
		.executeTakeFirst();
	return row ? toStandup(row) : null;
}

/** Past stand-ups of a board, newest first. */
export async function listStandups(db: Db, boardId: string, limit = 52): Promise<Standup[]> {
	const rows = await db
		.selectFrom('standup')
		.selectAll()
		.where('board_id', '=', boardId)
		.where('ended_at', 'is not', null)
		.orderBy('started_at', 'desc')
		.limit(limit)
		.execute();
	return rows.map(toStandup);
}

/**
 * Starts the board's stand-up with `facilitatorId` at the helm; the running one if there is one
 * already (two managers pressing "start" at once end up in the same meeting). `agenda` is the walk
 * its options give from `since` (see standup-agenda.ts: startWithAgenda).
 */
export async function startStandup(
	db: Db,
	input: {
		boardId: string;
		facilitatorId: string;
		locale: 'fr' | 'en';
		timeBox: number;
		/** Defaults to the end of the previous stand-up (or a week before). */
		since?: number;
		options?: AgendaOptions;
		agenda?: string[] | null;
		now?: number;
	}
): Promise<Standup> {
	const now = input.now ?? Date.now();
	return db.transaction().execute(async (tx) => {
		await lockRow(tx, 'board', input.boardId);
		const running = await findRunningStandup(tx, input.boardId);
		if (running) return running;
		const row = {
			id: newId(),
			board_id: input.boardId,
			facilitator_id: input.facilitatorId,
			since: input.since ?? (await standupSince(tx, input.boardId, now)),
			started_at: now,
			ended_at: null,
			time_box: input.timeBox,
			locale: input.locale,
			summary: null,
			options: JSON.stringify(input.options ?? DEFAULT_AGENDA_OPTIONS),
			agenda: input.agenda ? JSON.stringify(input.agenda) : null
		};
		await tx.insertInto('standup').values(row).execute();
		return toStandup(row);
	});
}

/** Counts a person among the attendees (once, whenever they open the stand-up). */
export async function joinStandup(db: Db, standupId: string, userId: string, now = Date.now()): Promise<void> {
	await db
		.insertInto('standup_attendee')
		.values({ standup_id: standupId, user_id: userId, joined_at: now })
		.onConflict((oc) => oc.columns(['standup_id', 'user_id']).doNothing())
		.execute();
}

export async function listAttendees(db: Db, standupId: string): Promise<{ id: string; name: string }[]> {
	return db
		.selectFrom('standup_attendee')
		.innerJoin('user', 'user.id', 'standup_attendee.user_id')
		.select(['user.id', 'user.name'])
		.where('standup_id', '=', standupId)
		.orderBy('joined_at')
		.execute();
}

/** Adds the facilitator's time on a card (a card visited twice adds up). */
export async function addCardTime(db: Db, standupId: string, cardId: string, seconds: number, now = Date.now()) {
	await db
		.insertInto('standup_card')
		.values({ standup_id: standupId, card_id: cardId, seconds, reviewed_at: now })
		.onConflict((oc) =>
			oc.columns(['standup_id', 'card_id']).doUpdateSet((eb) => ({
				seconds: eb('standup_card.seconds', '+', eb.ref('excluded.seconds')),
				reviewed_at: now
			}))
		)
		.execute();
}

export async function listCardTimes(db: Db, standupId: string): Promise<{ cardId: string; seconds: number }[]> {
	const rows = await db
		.selectFrom('standup_card')
		.select(['card_id', 'seconds'])
		.where('standup_id', '=', standupId)
		.orderBy('reviewed_at')
		.execute();
	return rows.map((r) => ({ cardId: r.card_id, seconds: r.seconds }));
}

export interface Decision {
	id: string;
	cardId: string;
	text: string;
	ownerId: string | null;
	due: string | null;
	createdBy: string;
	createdAt: number;
}

/** A decision or action taken on a card in the stand-up; it also lands in the card's history. */
export async function recordDecision(
	db: Db,
	standup: Standup,
	input: { cardId: string; text: string; ownerId: string | null; due: string | null; by: string; now?: number }
): Promise<Decision> {
	const decision: Decision = {
		id: newId(),
		cardId: input.cardId,
		text: input.text,
		ownerId: input.ownerId,
		due: input.due,
		createdBy: input.by,
		createdAt: input.now ?? Date.now()
	};
	await db
		.insertInto('standup_decision')
		.values({
			id: decision.id,
			standup_id: standup.id,
			card_id: decision.cardId,
			text: decision.text,
			owner_id: decision.ownerId,
			due_date: decision.due,
			created_by: decision.createdBy,
			created_at: decision.createdAt
		})
		.execute();
	await recordEvent(db, {
		boardId: standup.boardId,
		cardId: decision.cardId,
		kind: 'action',
		actorId: input.by,
		data: { standupId: standup.id, text: decision.text, ownerId: decision.ownerId, due: decision.due },
		at: decision.createdAt
	});
	return decision;
}

export async function listDecisions(db: Db, standupId: string): Promise<Decision[]> {
	const rows = await db
		.selectFrom('standup_decision')
		.selectAll()
		.where('standup_id', '=', standupId)
		.orderBy('created_at')
		.execute();
	return rows.map((r) => ({
		id: r.id,
		cardId: r.card_id,
		text: r.text,
		ownerId: r.owner_id,
		due: r.due_date,
		createdBy: r.created_by,
		createdAt: Number(r.created_at)
	}));
}

/** Ends the stand-up with its frozen summary; false when it had already ended. */
export async function closeStandup(db: Db, standupId: string, summary: StandupSummary): Promise<boolean> {
	return db.transaction().execute(async (trx) => {
		const result = await trx
			.updateTable('standup')
			.set({ ended_at: summary.endedAt, summary: JSON.stringify(summary) })
			.where('id', '=', standupId)
			.where('ended_at', 'is', null)
			.returning('board_id')
			.executeTakeFirst();
		if (!result) return false;
		// Webhooks hear of it in the same transaction (see webhooks/outbox.ts).
		const data = { standupId, endedAt: new Date(summary.endedAt).toISOString(), url: `/standups/${standupId}` };
		const event = {
			id: standupId,
			event: 'standup.closed' as const,
			boardId: result.board_id,
			at: summary.endedAt,
			data
		};
		await enqueueHookEvent(trx, event);
		return true;
	});
}

export async function readCadence(db: Db, boardId: string): Promise<StandupCadence | null> {
	const row = await db
		.selectFrom('board')
		.select(['standup_day', 'standup_time', 'standup_time_box', 'standup_length'])
		.where('id', '=', boardId)
		.executeTakeFirst();
	return row
		? { day: row.standup_day, time: row.standup_time, timeBox: row.standup_time_box, length: row.standup_length }
		: null;
}

export async function writeCadence(db: Db, boardId: string, cadence: StandupCadence): Promise<void> {
	await db
		.updateTable('board')
		.set({
			standup_day: cadence.day,
			standup_time: cadence.time,
			standup_time_box: cadence.timeBox,
			standup_length: cadence.length
		})
		.where('id', '=', boardId)
		.execute();
}
