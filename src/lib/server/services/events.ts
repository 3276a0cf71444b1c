import type { Db } from '../db/open.ts';
import { newId } from '../ids.ts';
import { enqueueHookEvent } from '../webhooks/outbox.ts';
import { CARD_EVENT_HOOKS } from '#lib/domain/webhook-events.ts';

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

type Listener = (event: Required<CardEvent> & { id: string }) => void | Promise<void>;
// One set per process: the server library is loaded once (see runtime.ts).
const listeners = new Set<Listener>();

/**
 * Appends an event to the log, then tells the listeners (notifications route from here). A listener
 * that fails is logged and never undoes the event.
 */
export async function recordEvent(db: Db, event: CardEvent): Promise<string> {
	const id = newId();
	const at = event.at ?? Date.now();
	const hook = CARD_EVENT_HOOKS[event.kind];
	// The webhooks' deliveries are queued in the same transaction as the event they tell of.
	await db.transaction().execute(async (trx) => {
		await trx
			.insertInto('card_event')
			.values({
				id,
				board_id: event.boardId,
				card_id: event.cardId,
				kind: event.kind,
				actor_id: event.actorId,
				data: JSON.stringify(event.data),
				created_at: at
			})
			.execute();
		if (hook) {
			const data = { cardId: event.cardId, actorId: event.actorId, ...event.data };
			await enqueueHookEvent(trx, { id, event: hook, boardId: event.boardId, at, data });
		}
	});
	for (const listener of listeners) {
		try {
			await listener({ ...event, at, id });
		} catch (error) {
			console.error(`[events] listener failed on ${event.kind}: ${String(error)}`);
		}
	}
	return id;
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
