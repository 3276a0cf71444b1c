import type { Db } from './db/open.ts';
import { newId } from './ids.ts';
import type { Mailer, MailMessage } from './mail.ts';
import { afterAttempt, claimDue } from './outbox.ts';
import { startPolling } from './polling.ts';

/**
 * E-mails go out from an outbox: a request only writes a row (in its own transaction when it has one,
 * so a mail exists exactly when what it tells of does), and a poller in every process sends the due
 * rows (claimed as outbox.ts says, so two processes never send one mail both); a failure is retried
 * later with a doubling delay, up to MAX_ATTEMPTS. A crash before sending only delays the mail; a crash between
 * the SMTP server's acceptance and the row's update sends it again once the lease ends (SMTP offers
 * no way to make that exactly once).
 */

/** What routes use: whether e-mail is configured, and queuing one. */
export interface MailQueue {
	/** False when SMTP_URL is unset: links are then only shown for copying, and nothing is queued. */
	readonly enabled: boolean;
	/** Queues `message` through `db` (pass the caller's transaction to tie it to its writes); false when disabled. */
	enqueue(db: Db, message: MailMessage): Promise<boolean>;
}

export interface MailOutboxOptions {
	/** How often the outbox is looked at. */
	pollMs: number;
	/** The first retry's delay (then 2×, 4×…). */
	retryBaseMs: number;
}

export const DEFAULT_MAIL_POLL_MS = 1_000;
export const DEFAULT_MAIL_RETRY_BASE_MS = 30_000;
export const MAIL_MAX_ATTEMPTS = 10;
/** Longer than an SMTP exchange can take (mail.ts times out after 10 s per step). */
const LEASE_MS = 120_000;
const BATCH = 10;
const ERROR_MAX = 300;

export function mailQueue(enabled: boolean): MailQueue {
	return {
		enabled,
		async enqueue(db, { to, subject, text }) {
			if (!enabled) return false;
			const now = Date.now();
			await db
				.insertInto('mail_outbox')
				.values({
					id: newId(),
					recipient: to,
					subject,
					body: text,
					status: 'pending',
					next_attempt_at: now,
					created_at: now
				})
				.execute();
			return true;
		}
	};
}

/** Sends the outbox's due mails every `pollMs`; returns the way to stop (waits for a send underway). */
export function startMailOutbox(db: Db, mailer: Mailer, options: MailOutboxOptions): () => Promise<void> {
	return startPolling('mail', options.pollMs, () => sendDueMail(db, mailer, options));
}

/** Sends the mails due now (a batch); returns how many were tried. */
export async function sendDueMail(
	db: Db,
	mailer: Mailer,
	options: Pick<MailOutboxOptions, 'retryBaseMs'>,
	now = Date.now()
): Promise<number> {
	const due = await db
		.selectFrom('mail_outbox')
		.select(['id', 'recipient', 'subject', 'body', 'attempts', 'next_attempt_at'])
		.where('status', '=', 'pending')
		.where('next_attempt_at', '<=', now)
		.orderBy('next_attempt_at')
		.limit(BATCH)
		.execute();
	let tried = 0;
	for (const mail of due) {
		if (!(await claimDue(db, 'mail_outbox', mail, now + LEASE_MS))) continue; // another process took it
		tried += 1;
		const error = await mailer.send({ to: mail.recipient, subject: mail.subject, text: mail.body }).then(
			() => null,
			(e: unknown) => String(e).slice(0, ERROR_MAX)
		);
		const { finished, ...schedule } = afterAttempt(mail.attempts, error === null, {
			maxAttempts: MAIL_MAX_ATTEMPTS,
			retryBaseMs: options.retryBaseMs
		});
		if (error) console.error(`[mail] to ${mail.recipient} not sent (attempt ${schedule.attempts}): ${error}`);
		await db
			.updateTable('mail_outbox')
			.set({ ...schedule, status: error === null ? 'sent' : finished ? 'failed' : 'pending', error })
			.where('id', '=', mail.id)
			.execute();
	}
	return tried;
}
