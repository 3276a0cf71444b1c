import type { OrgRole } from '#lib/domain/permissions.ts';
import { m } from '#lib/paraglide/messages.js';
import { getLocale } from '#lib/paraglide/runtime.js';
import type { MailMessage } from '#lib/server/mail.ts';
import { inviteRoleLabel } from '#lib/i18n/labels.ts';

export interface InvitationMail {
	to: string;
	link: string;
	inviter: string;
	organization: string;
	role: OrgRole;
	company: string | null;
	expiresAt: number;
}

/** The invitation e-mail, plain text, in the inviter's current language. */
export function invitationMail(mail: InvitationMail): MailMessage {
	const date = new Intl.DateTimeFormat(getLocale(), { dateStyle: 'long', timeStyle: 'short' }).format(mail.expiresAt);
	const lines = [
		m.invite_mail_intro({ inviter: mail.inviter, organization: mail.organization }),
		'',
		m.invite_mail_role({ role: inviteRoleLabel(mail.role) }),
		...(mail.role === 'guest' && mail.company ? [m.invite_as_guest({ company: mail.company })] : []),
		'',
		m.invite_mail_open(),
		mail.link,
		'',
		m.invite_mail_expires({ date }),
		m.invite_mail_ignore()
	];
	return {
		to: mail.to,
		subject: m.invite_mail_subject({ organization: mail.organization }),
		text: lines.join('\n') + '\n'
	};
}
