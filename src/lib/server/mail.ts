import { createTransport } from 'nodemailer';
import type { Config } from './config.ts';

export interface MailMessage {
	to: string;
	subject: string;
	text: string;
}

/** Sends plain-text e-mails through the configured SMTP server; rejects when the server refuses or is unreachable. */
export interface Mailer {
	send(message: MailMessage): Promise<void>;
	close(): void;
}

/** Short timeouts: a person waits on the form while the message goes out, and the link is shown anyway. */
const TIMEOUT_MS = 10_000;

/** The SMTP mailer, or null when SMTP_URL is unset: e-mail is optional, links are always shown for copying. */
export function createMailer(config: Pick<Config, 'smtpUrl' | 'mailFrom'>): Mailer | null {
	if (!config.smtpUrl) return null;
	const transport = createTransport({
		url: config.smtpUrl,
		connectionTimeout: TIMEOUT_MS,
		greetingTimeout: TIMEOUT_MS,
		socketTimeout: TIMEOUT_MS
	});
	return {
		async send({ to, subject, text }) {
			await transport.sendMail({ from: config.mailFrom, to, subject, text });
		},
		close: () => transport.close()
	};
}
