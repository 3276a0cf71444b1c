import { readSettings } from '#lib/board/board-settings.ts';
import { withFeed } from '#lib/board/feed.ts';
import { toMethodCard } from '#lib/board/card-sections.ts';
import { readCards, type CardView } from '#lib/board/schema.ts';
import { cardStatus, nextCheckInDue } from '#lib/domain/method/status.ts';
import type { AgendaItem } from '#lib/domain/standup/agenda.ts';
import { toChange, type LoggedEvent, type StandupChange } from '#lib/domain/standup/changes.ts';
import { localWeek } from '#lib/domain/standup/week.ts';
import type { Db } from '../db/open.ts';
import type { Runtime } from '../runtime.ts';
import { listBoardHelp } from './help.ts';

export interface Agenda {
	items: AgendaItem[];
	timeZone: string;
	/** The board's cards at this moment (the summary counts them per stage). */
	cards: CardView[];
	events: LoggedEvent[];
}

/**
 * Every live initiative of the board with what changed since `since`, read from the server's own
 * event log (not from what browsers remember) and judged against the board's current document.
 */
export async function loadAgenda(
	runtime: Pick<Runtime, 'db' | 'sync'>,
	boardId: string,
	since: number,
	now = Date.now()
): Promise<Agenda> {
	const room = await runtime.sync.openRoom(boardId);
	const feed = (await runtime.sync.openFeed(boardId)).doc;
	const settings = readSettings(feed);
	const cards = readCards(room.doc)
		.filter((card) => !card.archived)
		.map((card) => withFeed(card, feed));
	const [events, touched, help] = await Promise.all([
		loggedEvents(runtime.db, boardId, since, now),
		lastTouched(runtime.db, boardId),
		listBoardHelp(runtime.db, boardId)
	]);
	const week = localWeek(now, settings.timeZone);
	const items = cards.map((card): AgendaItem => {
		const method = toMethodCard(card.sections);
		const changes = events
			.filter((e) => e.cardId === card.id)
			.map((e) => toChange(e, method, settings))
			.filter((c): c is StandupChange => c !== null);
		const { status, missed } = cardStatus(method, now, settings.timeZone, settings);
		const due = nextCheckInDue(method, now, settings.timeZone);
		return {
			cardId: card.id,
			title: card.title,
			stage: card.stage,
			rank: card.rank,
			ownerId: card.sections.ownerId,
			teamId: card.sections.teamId,
			contributingTeamIds: card.sections.contributingTeamIds,
			status,
			missed: missed.count,
			dueThisWeek: due && due.date <= week.end ? due.date : null,
			helpTeamIds: help.filter((h) => h.open && h.cardId === card.id).map((h) => h.teamId),
			gateFlagged: card.sections.flags.length > 0,
			changes,
			untouched: changes.length === 0 && (touched.get(card.id) ?? 0) < since && card.createdAt < since
		};
	});
	return { items, timeZone: settings.timeZone, cards, events };
}

async function loggedEvents(db: Db, boardId: string, since: number, now: number): Promise<LoggedEvent[]> {
	const rows = await db
		.selectFrom('card_event')
		.select(['card_id', 'kind', 'actor_id', 'data', 'created_at'])
		.where('board_id', '=', boardId)
		.where('created_at', '>=', since)
		.where('created_at', '<=', now)
		.orderBy('created_at')
		.execute();
	return rows.map((r) => ({
		cardId: r.card_id,
		kind: r.kind,
		actorId: r.actor_id,
		data: JSON.parse(r.data) as Record<string, unknown>,
		at: Number(r.created_at)
	}));
}

/** When the projection last saw each card change (edits that log no event count too). */
async function lastTouched(db: Db, boardId: string): Promise<Map<string, number>> {
	const rows = await db.selectFrom('card').select(['id', 'updated_at']).where('board_id', '=', boardId).execute();
	return new Map(rows.map((r) => [r.id, Number(r.updated_at)]));
}
