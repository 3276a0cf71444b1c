import { retryDelay } from '#lib/domain/webhook-events.ts';
import type { Db } from './db/open.ts';

/**
 * What the e-mail and webhook outboxes share: rows due at `next_attempt_at`, sent by a poller in every
 * process. A row is claimed by pushing its due time past a lease with a conditional update (the same on
 * SQLite and PostgreSQL), so two processes never send it both; a crash mid-send only means a later retry.
 */
type OutboxTable = 'mail_outbox' | 'webhook_delivery';

/** Claims a due row until `until`; false when another process took it first. */
export async function claimDue(
	db: Db,
	table: OutboxTable,
	row: { id: string; next_attempt_at: number },
	until: number
): Promise<boolean> {
	const claimed = await db
		.updateTable(table)
		.set({ next_attempt_at: until })
		.where('id', '=', row.id)
		.where('status', '=', 'pending')
		.where('next_attempt_at', '=', row.next_attempt_at)
		.executeTakeFirst();
	return Number(claimed.numUpdatedRows) === 1;
}

/** A row's schedule after an attempt: done (sent, or given up after `maxAttempts`), or retried later with a doubling delay. */
export function afterAttempt(
	attemptsBefore: number,
	ok: boolean,
	{ maxAttempts, retryBaseMs, now = Date.now() }: { maxAttempts: number; retryBaseMs: number; now?: number }
) {
	const attempts = attemptsBefore + 1;
	const finished = ok || attempts >= maxAttempts;
	return {
		attempts,
		finished,
		next_attempt_at: finished ? now : now + retryDelay(attempts, retryBaseMs),
		finished_at: finished ? now : null
	};
}
