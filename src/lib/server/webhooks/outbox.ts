import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { newId } from '../ids.ts';
import type { WebhookEvent } from '#lib/domain/webhook-events.ts';

/**
 * The webhooks' outbox: one delivery row per listening webhook, written by the caller's transaction
 * together with the event itself, so an event is never stored without its deliveries (nor the
 * reverse). The worker (worker.ts) sends them.
 */

export interface HookEvent {
	/** The event's own id (the card log's), repeated in the payload so receivers can drop duplicates. */
	id: string;
	event: WebhookEvent;
	boardId: string;
	at: number;
	data: Record<string, unknown>;
}

/** The JSON body a receiver gets, exactly the bytes that are signed. */
export function payloadOf(event: HookEvent, organizationId: string): string {
	return JSON.stringify({
		id: event.id,
		event: event.event,
		createdAt: new Date(event.at).toISOString(),
		organizationId,
		boardId: event.boardId,
		data: event.data
	});
}

/** Queues the event for every enabled webhook of the board's organisation (or of the board) that listens to it. */
export async function enqueueHookEvent(trx: Kysely<Database>, event: HookEvent): Promise<number> {
	const board = await trx
		.selectFrom('board')
		.select('organization_id')
		.where('id', '=', event.boardId)
		.executeTakeFirst();
	if (!board) return 0;
	const hooks = await trx
		.selectFrom('webhook')
		.select(['id', 'events'])
		.where('organization_id', '=', board.organization_id)
		.where('disabled_at', 'is', null)
		.where((eb) => eb.or([eb('board_id', 'is', null), eb('board_id', '=', event.boardId)]))
		.execute();
	const listening = hooks.filter((h) => (JSON.parse(h.events) as string[]).includes(event.event));
	if (listening.length === 0) return 0;
	const payload = payloadOf(event, board.organization_id);
	await trx
		.insertInto('webhook_delivery')
		.values(listening.map((h) => queued(h.id, event.event, payload, event.at)))
		.execute();
	return listening.length;
}

/** A delivery row due at once. */
export function queued(webhookId: string, event: WebhookEvent, payload: string, at: number) {
	return {
		id: newId(),
		webhook_id: webhookId,
		event,
		payload,
		status: 'pending' as const,
		next_attempt_at: at,
		response_code: null,
		error: null,
		created_at: at,
		finished_at: null
	};
}
