import { m } from '#lib/paraglide/messages.js';
import type { MailMessage } from '#lib/server/mail.ts';

/** Told to the owner of an address someone tried to sign up with again (plain text, the visitor's language). */
export function signupTakenMail(to: string, loginLink: string): MailMessage {
	const text = [
		m.signup_taken_mail_intro({ email: to }),
		'',
		m.signup_taken_mail_login(),
		loginLink,
		'',
		m.signup_taken_mail_ignore()
	];
	return { to, subject: m.signup_taken_mail_subject(), text: text.join('\n') + '\n' };
}
