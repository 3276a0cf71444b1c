import type { Generated } from 'kysely';

/** The e-mails' outbox (migration 2026-12-06-015). */
export interface MailTables {
	mail_outbox: {
		id: string;
		recipient: string;
		subject: string;
		/** The plain-text body. */
		body: string;
		status: 'pending' | 'sent' | 'failed';
		attempts: Generated<number>;
		/** When it is due; while a process sends it, the end of that process's lease. */
		next_attempt_at: number;
		/** The last failure's reason. */
		error: string | null;
		created_at: number;
		finished_at: number | null;
	};
}
