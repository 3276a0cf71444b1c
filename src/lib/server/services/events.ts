import type { Db } from '../db/open.ts';
import { newId } from '../ids.ts';
import { enqueueHookEvent } from '../webhooks/outbox.ts';
import { CARD_EVENT_HOOKS } from '#lib/domain/webhook-events.ts';
import { notifyEvent } from './notifications.ts';

/** What happened to a card, for the server's log (card_event). `data` stays small: ids and short values. */
export interface CardEvent {
	boardId: string;
	cardId: string;
	kind: CardEventKind;
	actorId: string | null;
	data: Record<string, unknown>;
	at?: number;
}

export type CardEventKind =
	| 'created'
	| 'moved'
	| 'check-in'
	| 'decision'
	| 'outcome'
	| 'gate-forced'
	| 'gate-flagged'
	| 'comment'
	| 'comment-edited'
	| 'comment-deleted'
	| 'signal'
	| 'help'
	| 'help-closed'
	/** Recorded by the check-in schedule {date, inDays | missedCount}. */
	| 'check-in-due'
	| 'check-in-missed'
	/** A decision or action taken in a stand-up {standupId, text, ownerId, due}. */
	| 'action';

type Recorded = Required<CardEvent> & { id: string };
type Listener = (event: Recorded) => void | Promise<void>;
// One set per process: the server library is loaded once (see runtime.ts).
const listeners = new Set<Listener>();

/**
 * Appends an event to the log with its consequences in the same transaction (the webhooks' deliveries,
 * the notifications), then tells the listeners. A listener that fails is logged and never undoes the event.
 */
export async function recordEvent(db: Db, event: CardEvent): Promise<string> {
	const recorded = await db.transaction().execute((trx) => writeEvent(trx, event));
	await tellListeners(recorded);
	return recorded.id;
}

/**
 * Records `event` only when `claim` (run first, in the same transaction) says it is the first to claim
 * it: the claim, the event and its consequences commit together or not at all, so a crash between them
 * can neither lose the event nor let a later run record it twice. Null when already claimed.
 */
export async function recordClaimedEvent(
	db: Db,
	claim: (trx: Db) => Promise<boolean>,
	event: CardEvent
): Promise<string | null> {
	const recorded = await db.transaction().execute(async (trx) => ((await claim(trx)) ? writeEvent(trx, event) : null));
	if (!recorded) return null;
	await tellListeners(recorded);
	return recorded.id;
}

/**
 * Writes events inside the caller's transaction (with their consequences); call the returned function
 * once it committed, to tell the listeners. For writers whose own rows and events must commit together.
 */
export async function writeEvents(trx: Db, events: readonly CardEvent[]): Promise<() => Promise<void>> {
	const recorded: Recorded[] = [];
	for (const event of events) recorded.push(await writeEvent(trx, event));
	return async () => {
		for (const event of recorded) await tellListeners(event);
	};
}

async function writeEvent(trx: Db, event: CardEvent): Promise<Recorded> {
	const recorded: Recorded = { ...event, at: event.at ?? Date.now(), id: newId() };
	await trx
		.insertInto('card_event')
		.values({
			id: recorded.id,
			board_id: event.boardId,
			card_id: event.cardId,
			kind: event.kind,
			actor_id: event.actorId,
			data: JSON.stringify(event.data),
			created_at: recorded.at
		})
		.execute();
	const hook = CARD_EVENT_HOOKS[event.kind];
	if (hook) {
		const data = { cardId: event.cardId, actorId: event.actorId, ...event.data };
		await enqueueHookEvent(trx, { id: recorded.id, event: hook, boardId: event.boardId, at: recorded.at, data });
	}
	await notifyEvent(trx, recorded);
	return recorded;
}

async function tellListeners(event: Recorded): Promise<void> {
	for (const listener of listeners) {
		try {
			await listener(event);
		} catch (error) {
			console.error(`[events] listener failed on ${event.kind}: ${String(error)}`);
		}
	}
}

/** Runs `listener` after every recorded event; returns the way to stop. */
export function onCardEvent(listener: Listener): () => void {
	listeners.add(listener);
	return () => listeners.delete(listener);
}

export async function listCardEvents(db: Db, cardId: string, limit = 200) {
	const rows = await db
		.selectFrom('card_event')
		.selectAll()
		.where('card_id', '=', cardId)
		.orderBy('created_at', 'desc')
		.limit(limit)
		.execute();
	return rows.map((r) => ({ ...r, data: JSON.parse(r.data) as Record<string, unknown> }));
}
