import { readSettings } from '#lib/board/board-settings.ts';
import { withFeed } from '#lib/board/feed.ts';
import { toMethodCard } from '#lib/board/card-sections.ts';
import { readCards, type CardView } from '#lib/board/schema.ts';
import { cardStatus, nextCheckInDue } from '#lib/domain/method/status.ts';
import { cardSignals } from '#lib/board/signals.ts';
import { orderAgenda, type AgendaItem, type AgendaOptions } from '#lib/domain/standup/agenda.ts';
import { toChange, type LoggedEvent, type StandupChange } from '#lib/domain/standup/changes.ts';
import { localWeek } from '#lib/domain/standup/week.ts';
import type { Db } from '../db/open.ts';
import type { BoardDeps } from '../deps.ts';
import { listBoardHelp } from './help.ts';
import { findRunningStandup, standupSince, startStandup, type Standup } from './standups.ts';

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
	runtime: BoardDeps,
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
	const [logged, touched, help] = await Promise.all([
		loggedEvents(runtime.db, boardId, since, now),
		lastTouched(runtime.db, boardId),
		listBoardHelp(runtime.db, boardId)
	]);
	const events = logged.map((event) => withSignalText(event, feed));
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

/** A signal event carries the feedback's words from the feed (the log keeps only who sent it). */
function withSignalText(event: LoggedEvent, feed: Parameters<typeof cardSignals>[0]): LoggedEvent {
	if (event.kind !== 'signal' || typeof event.data.signalId !== 'string') return event;
	const signal = cardSignals(feed, event.cardId).find((s) => s.id === event.data.signalId);
	return signal ? { ...event, data: { ...event.data, text: signal.text } } : event;
}

/** The stand-up's walk: the agenda fixed at its start (today's facts on each card), else its options applied now. */
export function walkOf(items: AgendaItem[], standup: Pick<Standup, 'agenda' | 'options'>): AgendaItem[] {
	if (!standup.agenda) return orderAgenda(items, standup.options);
	const byId = new Map(items.map((item) => [item.cardId, item]));
	return standup.agenda.flatMap((id) => byId.get(id) ?? []);
}

/**
 * Starts the board's stand-up with its options, fixing its agenda once so every screen walks the
 * same list in the same order, whatever decisions or check-ins change meanwhile. Joins the running
 * one if a colleague was quicker.
 */
export async function startWithAgenda(
	deps: BoardDeps,
	input: { boardId: string; facilitatorId: string; locale: 'fr' | 'en'; timeBox: number; options: AgendaOptions }
): Promise<Standup> {
	const running = await findRunningStandup(deps.db, input.boardId);
	if (running) return running;
	const now = Date.now();
	const since = await standupSince(deps.db, input.boardId, now);
	const { items } = await loadAgenda(deps, input.boardId, since, now);
	const agenda = orderAgenda(items, input.options).map((item) => item.cardId);
	return startStandup(deps.db, { ...input, since, agenda, now });
}
