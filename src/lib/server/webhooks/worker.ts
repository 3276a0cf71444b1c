import { sql } from 'kysely';
import type { Db } from '../db/open.ts';
import { DISABLE_AFTER_FAILURES, MAX_ATTEMPTS } from '#lib/domain/webhook-events.ts';
import { afterAttempt, claimDue } from '../outbox.ts';
import { startPolling } from '../polling.ts';
import { signatureOf } from './sign.ts';

/**
 * Drains the webhooks' outbox: sends due deliveries, signed, and records each answer. A failure is
 * retried later with a doubling delay, up to MAX_ATTEMPTS; a webhook failing DISABLE_AFTER_FAILURES
 * times in a row is disabled. Rows are claimed first (outbox.ts), so two processes never send the same
 * one at once and a crash mid-send only means a later retry.
 */

export interface WorkerOptions {
	/** How often the outbox is looked at. */
	pollMs: number;
	/** The first retry's delay (then 2×, 4×…). */
	retryBaseMs: number;
}

export const DEFAULT_POLL_MS = 1_000;
export const DEFAULT_RETRY_BASE_MS = 30_000;
const LEASE_MS = 60_000;
const TIMEOUT_MS = 10_000;
const BATCH = 10;
/** Kept in the log: the first characters of a failure's reason. */
const ERROR_MAX = 300;

export function startWebhookWorker(db: Db, options: WorkerOptions): () => Promise<void> {
	return startPolling('webhooks', options.pollMs, () => drainDue(db, options));
}

/** Sends every delivery due now, a batch at a time. */
export async function drainDue(db: Db, options: Pick<WorkerOptions, 'retryBaseMs'>, now = Date.now()): Promise<number> {
	const due = await db
		.selectFrom('webhook_delivery')
		.innerJoin('webhook', 'webhook.id', 'webhook_delivery.webhook_id')
		.select(['webhook_delivery.id', 'webhook_delivery.payload', 'webhook_delivery.event', 'webhook_delivery.attempts'])
		.select(['webhook_delivery.next_attempt_at', 'webhook.id as webhook_id', 'webhook.url', 'webhook.secret'])
		.where('webhook_delivery.status', '=', 'pending')
		.where('webhook_delivery.next_attempt_at', '<=', now)
		.where('webhook.disabled_at', 'is', null)
		.orderBy('webhook_delivery.next_attempt_at')
		.limit(BATCH)
		.execute();
	let sent = 0;
	for (const delivery of due) {
		if (!(await claimDue(db, 'webhook_delivery', delivery, now + LEASE_MS))) continue; // another process took it
		const answer = await send(delivery);
		await record(db, delivery, answer, options.retryBaseMs);
		sent += 1;
	}
	return sent;
}

type Answer = { ok: boolean; code: number | null; error: string | null };

async function send(delivery: {
	id: string;
	event: string;
	payload: string;
	url: string;
	secret: string;
}): Promise<Answer> {
	try {
		const res = await fetch(delivery.url, {
			method: 'POST',
			headers: {
				'Content-Type': 'application/json',
				'User-Agent': 'Bouture-Webhooks/1',
				'X-Bouture-Event': delivery.event,
				'X-Bouture-Delivery': delivery.id,
				'X-Bouture-Signature': signatureOf(delivery.secret, delivery.payload)
			},
			body: delivery.payload,
			redirect: 'manual',
			signal: AbortSignal.timeout(TIMEOUT_MS)
		});
		await res.body?.cancel();
		return { ok: res.status >= 200 && res.status < 300, code: res.status, error: null };
	} catch (error) {
		return {
			ok: false,
			code: null,
			error: String(error instanceof Error && error.cause ? error.cause : error).slice(0, ERROR_MAX)
		};
	}
}

async function record(
	db: Db,
	delivery: { id: string; attempts: number; webhook_id: string },
	answer: Answer,
	retryBaseMs: number
) {
	const now = Date.now();
	const { finished, ...schedule } = afterAttempt(delivery.attempts, answer.ok, {
		maxAttempts: MAX_ATTEMPTS,
		retryBaseMs,
		now
	});
	await db.transaction().execute(async (trx) => {
		await trx
			.updateTable('webhook_delivery')
			.set({
				...schedule,
				status: answer.ok ? 'delivered' : finished ? 'failed' : 'pending',
				response_code: answer.code,
				error: answer.error
			})
			.where('id', '=', delivery.id)
			.execute();
		if (answer.ok) {
			await trx.updateTable('webhook').set({ consecutive_failures: 0 }).where('id', '=', delivery.webhook_id).execute();
			return;
		}
		await trx
			.updateTable('webhook')
			.set({
				consecutive_failures: sql`consecutive_failures + 1`,
				disabled_at: sql`case when consecutive_failures + 1 >= ${DISABLE_AFTER_FAILURES} then ${now} else disabled_at end`
			})
			.where('id', '=', delivery.webhook_id)
			.execute();
	});
}
