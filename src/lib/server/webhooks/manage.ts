import * as v from 'valibot';
import { WEBHOOK_EVENTS } from '#lib/domain/webhook-events.ts';
import { ID_PATTERN } from '#lib/domain/validation.ts';
import { generateSessionToken } from '../auth/token.ts';
import type { Db } from '../db/open.ts';
import { newId } from '../ids.ts';
import { queued } from './outbox.ts';

/** An organisation's webhooks, as its owners and managers manage them (admin/webhooks). */

export const WEBHOOK_URL_MAX = 500;
/** Deliveries shown per webhook in the log. */
const LOG_LENGTH = 20;

export const WebhookInput = v.object({
	url: v.pipe(
		v.string(),
		v.trim(),
		v.maxLength(WEBHOOK_URL_MAX),
		v.url('Not a URL'),
		v.check((u) => /^https?:\/\//i.test(u), 'Only http and https URLs')
	),
	events: v.pipe(v.array(v.picklist(WEBHOOK_EVENTS)), v.minLength(1, 'Choose at least one event')),
	/** '' for every board of the organisation. */
	boardId: v.union([v.literal(''), v.pipe(v.string(), v.regex(ID_PATTERN))])
});
export type WebhookInput = v.InferOutput<typeof WebhookInput>;

/** Creates a webhook and returns its secret: the only time it is shown. Null when the board is not the organisation's. */
export async function createWebhook(
	db: Db,
	organizationId: string,
	createdBy: string,
	input: WebhookInput
): Promise<{ id: string; secret: string } | null> {
	const boardId = input.boardId || null;
	if (boardId) {
		const board = await db
			.selectFrom('board')
			.select('id')
			.where('id', '=', boardId)
			.where('organization_id', '=', organizationId)
			.executeTakeFirst();
		if (!board) return null;
	}
	const id = newId();
	const secret = `whsec_${generateSessionToken()}`;
	await db
		.insertInto('webhook')
		.values({
			id,
			organization_id: organizationId,
			board_id: boardId,
			url: input.url,
			secret,
			events: JSON.stringify(input.events),
			created_by: createdBy,
			created_at: Date.now(),
			disabled_at: null
		})
		.execute();
	return { id, secret };
}

export async function listWebhooks(db: Db, organizationId: string) {
	const hooks = await db
		.selectFrom('webhook')
		.leftJoin('board', 'board.id', 'webhook.board_id')
		.select(['webhook.id', 'webhook.url', 'webhook.events', 'webhook.created_at', 'webhook.disabled_at'])
		.select(['webhook.consecutive_failures', 'board.name as board_name'])
		.where('webhook.organization_id', '=', organizationId)
		.orderBy('webhook.created_at')
		.execute();
	const listed = [];
	for (const hook of hooks) {
		const deliveries = await db
			.selectFrom('webhook_delivery')
			.select(['id', 'event', 'status', 'attempts', 'response_code', 'error', 'created_at', 'finished_at'])
			.where('webhook_id', '=', hook.id)
			.orderBy('created_at', 'desc')
			.orderBy('id')
			.limit(LOG_LENGTH)
			.execute();
		listed.push({
			id: hook.id,
			url: hook.url,
			events: JSON.parse(hook.events) as string[],
			boardName: hook.board_name,
			createdAt: hook.created_at,
			disabledAt: hook.disabled_at,
			failures: hook.consecutive_failures,
			deliveries: deliveries.map((d) => ({
				id: d.id,
				event: d.event,
				status: d.status,
				attempts: d.attempts,
				responseCode: d.response_code,
				error: d.error,
				createdAt: d.created_at
			}))
		});
	}
	return listed;
}

const ofOrganization = (db: Db, organizationId: string, id: string) =>
	db
		.selectFrom('webhook')
		.select(['id', 'board_id'])
		.where('id', '=', id)
		.where('organization_id', '=', organizationId)
		.executeTakeFirst();

/** Queues a `ping` for the webhook; false when it is not the organisation's. */
export async function sendTest(db: Db, organizationId: string, id: string, now = Date.now()): Promise<boolean> {
	const hook = await ofOrganization(db, organizationId, id);
	if (!hook) return false;
	const deliveryId = newId();
	const payload = JSON.stringify({
		id: deliveryId,
		event: 'ping',
		createdAt: new Date(now).toISOString(),
		organizationId,
		boardId: hook.board_id,
		data: { message: 'Test delivery from Bouture' }
	});
	await db
		.insertInto('webhook_delivery')
		.values({ ...queued(id, 'ping', payload, now), id: deliveryId })
		.execute();
	return true;
}

/** Enables a disabled webhook again, its failure count reset; false when it is not the organisation's. */
export async function enableWebhook(db: Db, organizationId: string, id: string): Promise<boolean> {
	const result = await db
		.updateTable('webhook')
		.set({ disabled_at: null, consecutive_failures: 0 })
		.where('id', '=', id)
		.where('organization_id', '=', organizationId)
		.executeTakeFirst();
	return Number(result.numUpdatedRows) === 1;
}

export async function deleteWebhook(db: Db, organizationId: string, id: string): Promise<boolean> {
	if (!(await ofOrganization(db, organizationId, id))) return false;
	await db.deleteFrom('webhook_delivery').where('webhook_id', '=', id).execute();
	const result = await db
		.deleteFrom('webhook')
		.where('id', '=', id)
		.where('organization_id', '=', organizationId)
		.executeTakeFirst();
	return Number(result.numDeletedRows) === 1;
}
