import { createHash } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../src/lib/server/db/open.ts';
import { createMember, openTestDb, type Member } from '../factories/accounts.ts';
import { startServer, type RunningServer } from '../factories/server.ts';
import { until } from '../factories/portal.ts';
import { startSmtp, type Received, type TestSmtp } from '../factories/smtp.ts';

/** Invitation links e-mailed through a real SMTP exchange with an in-process server (SMTP_URL set), from the outbox. */

let smtp: TestSmtp;
let received: Received[] = [];
let server: RunningServer;
let db: Db;
let owner: Member;

beforeAll(async () => {
	smtp = await startSmtp();
	server = await startServer({ env: mailEnv() });
	db = openTestDb(server.dbPath);
	owner = await createMember(db, 'Olivia');
});

afterAll(async () => {
	await server.stop();
	await db.destroy();
	if (smtp.listening()) await smtp.stop();
});

beforeEach(() => {
	smtp.received.length = 0;
	received = smtp.received;
	smtp.refuse(false);
});

/** A server sending through the test SMTP server, looking at its outbox every 50 ms (retries after 200, 400… ms). */
function mailEnv(extra: Record<string, string> = {}): Record<string, string> {
	return {
		SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
		MAIL_FROM: 'Bouture <invitations@example.test>',
		MAIL_POLL_MS: '50',
		MAIL_RETRY_BASE_MS: '200',
		...extra
	};
}

const outboxOf = (database: Db, recipient: string) =>
	database
		.selectFrom('mail_outbox')
		.select(['status', 'attempts', 'error'])
		.where('recipient', '=', recipient)
		.executeTakeFirst();

function post(fields: Record<string, string>, cookie = owner.cookie, base = server.url): Promise<Response> {
	return fetch(`${base}/admin/invitations?/create`, {
		method: 'POST',
		headers: {
			Origin: base,
			'Content-Type': 'application/x-www-form-urlencoded',
			Accept: 'text/html',
			'Accept-Language': 'fr',
			Cookie: cookie
		},
		body: new URLSearchParams({ role: 'member', boardId: '', company: '', days: '7', ...fields }),
		redirect: 'manual'
	});
}

/** The link the page shows, as a person would copy it. */
function linkOn(html: string, base = server.url): string {
	const link = new RegExp(`value="(${base}/invite/[a-z2-7]{32})"`).exec(html)?.[1];
	if (!link) throw new Error(`no invitation link on the page:\n${html.slice(0, 300)}`);
	return link;
}

const idOf = (link: string) =>
	createHash('sha256')
		.update(link.split('/invite/')[1] ?? '')
		.digest('hex');

/** The message's headers and its text body, undoing the transfer encoding nodemailer chose. */
function parse(raw: string): { headers: string; body: string } {
	const split = raw.indexOf('\r\n\r\n');
	const headers = raw.slice(0, split).replace(/\r\n[ \t]+/g, ' ');
	const encoded = raw.slice(split + 4);
	const encoding = /^content-transfer-encoding:\s*(\S+)/im.exec(headers)?.[1]?.toLowerCase();
	let body = encoded;
	if (encoding === 'base64') body = Buffer.from(encoded, 'base64').toString('utf8');
	if (encoding === 'quoted-printable') body = decodeQuotedPrintable(encoded);
	return { headers: decodeWords(headers), body: body.replace(/\r\n/g, '\n') };
}

function decodeQuotedPrintable(text: string): string {
	const bytes = text.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_, hex: string) => `%${hex}`);
	return decodeURIComponent(bytes.replace(/%(?![0-9A-F]{2})/gi, '%25'));
}

/** RFC 2047 encoded words (=?UTF-8?Q?…?= / =?UTF-8?B?…?=), as nodemailer writes a non-ASCII subject. */
function decodeWords(text: string): string {
	return text
		.replace(/\?=\s+=\?/g, '?==?')
		.replace(/=\?utf-8\?([qb])\?([^?]*)\?=/gi, (_, kind: string, word: string) =>
			kind.toLowerCase() === 'b'
				? Buffer.from(word, 'base64').toString('utf8')
				: decodeQuotedPrintable(word.replace(/_/g, ' '))
		);
}

describe('with SMTP configured', () => {
	it('offers the e-mail field on the form', async () => {
		const html = await (
			await fetch(`${server.url}/admin/invitations`, { headers: { Cookie: owner.cookie, 'Accept-Language': 'fr' } })
		).text();
		expect(html).toContain('name="email"');
		expect(html).not.toContain('Aucun e-mail n’est envoyé');
	});

	it('e-mails the link the page shows, once, to the address given, in the inviter’s language', async () => {
		const res = await post({ email: 'Nina@Example.test' });
		const html = await res.text();
		expect(res.status, html.slice(0, 300)).toBe(200);
		const link = linkOn(html);
		// Queued, not claimed as delivered: the outbox sends it right after.
		expect(html).toContain('L’e-mail pour nina@example.test est en file d’envoi');

		await until(async () => received.length > 0, 'the invitation e-mail');
		await new Promise((resolve) => setTimeout(resolve, 300));
		expect(received).toHaveLength(1);
		const [mail] = received;
		expect(mail?.to).toEqual(['nina@example.test']);
		expect(mail?.from).toBe('invitations@example.test');
		const { headers, body } = parse(mail?.raw ?? '');
		expect(headers).toContain('Subject: Invitation à rejoindre Olivia SARL sur Bouture');
		expect(headers).toMatch(/^To: nina@example\.test$/m);
		expect(body).toContain(`\n${link}\n`);
		expect(body).toContain('Olivia vous invite à rejoindre Olivia SARL sur Bouture.');
		expect(body).toContain('Votre rôle : Membre');
		expect(body).toMatch(/expire le \d{1,2} \S+ \d{4}/);

		const stored = await db.selectFrom('invitation').select('role').where('id', '=', idOf(link)).executeTakeFirst();
		expect(stored).toEqual({ role: 'member' });
		expect(await outboxOf(db, 'nina@example.test')).toEqual({ status: 'sent', attempts: 1, error: null });
	});

	it('sends nothing when no address is given', async () => {
		const res = await post({ email: '' });
		expect(res.status).toBe(200);
		linkOn(await res.text());
		await new Promise((resolve) => setTimeout(resolve, 300));
		expect(received).toHaveLength(0);
	});

	it('refuses an invalid address and creates no invitation', async () => {
		const before = (await db.selectFrom('invitation').select('id').execute()).length;
		const res = await post({ email: 'pas-une-adresse' });
		expect(res.status).toBe(400);
		const html = await res.text();
		expect(html).toContain('Saisissez une adresse e-mail valide');
		expect(html).toContain('value="pas-une-adresse"');
		expect(await db.selectFrom('invitation').select('id').execute()).toHaveLength(before);
		expect(received).toHaveLength(0);
	});

	it('tries again later when the SMTP server refuses, and sends it once it accepts', async () => {
		smtp.refuse(true);
		const res = await post({ email: 'lucas@example.test' });
		const html = await res.text();
		expect(res.status, html.slice(0, 300)).toBe(200);
		const link = linkOn(html);
		expect(html).toContain('L’e-mail pour lucas@example.test est en file d’envoi');
		await until(async () => ((await outboxOf(db, 'lucas@example.test'))?.attempts ?? 0) >= 2, 'two refused attempts');
		const refused = await outboxOf(db, 'lucas@example.test');
		expect(refused?.status).toBe('pending');
		expect(refused?.error).toContain('Try again later');
		expect(received).toHaveLength(0);
		expect(server.log()).toContain('[mail] to lucas@example.test not sent (attempt 1)');

		smtp.refuse(false);
		await until(async () => (await outboxOf(db, 'lucas@example.test'))?.status === 'sent', 'sent after the retries');
		expect(received.map((mail) => mail.to)).toEqual([['lucas@example.test']]);
		expect(parse(received[0]?.raw ?? '').body).toContain(`\n${link}\n`);
	});

	it('sends a mail queued just before a crash (kill -9) once, after the restart', async () => {
		// A poll period far longer than the test: the mail stays queued until the process dies.
		const first = await startServer({ env: mailEnv({ MAIL_POLL_MS: '3600000' }) });
		const firstDb = openTestDb(first.dbPath);
		try {
			const marc = await createMember(firstDb, 'Marc');
			const res = await post({ email: 'rose@example.test' }, marc.cookie, first.url);
			expect(res.status).toBe(200);
			await first.kill();
			expect(await outboxOf(firstDb, 'rose@example.test')).toEqual({ status: 'pending', attempts: 0, error: null });
			expect(received).toHaveLength(0);

			const second = await startServer({ dbPath: first.dbPath, env: mailEnv() });
			try {
				await until(async () => received.length > 0, 'the mail after the restart');
				await new Promise((resolve) => setTimeout(resolve, 500));
				expect(received.map((mail) => mail.to)).toEqual([['rose@example.test']]);
				expect(await outboxOf(firstDb, 'rose@example.test')).toEqual({ status: 'sent', attempts: 1, error: null });
			} finally {
				await second.stop();
			}
		} finally {
			await firstDb.destroy();
		}
	});
});

describe('without SMTP_URL', () => {
	it('shows no e-mail field and ignores a posted address', async () => {
		const plain = await startServer({ env: { SMTP_URL: '' } });
		const plainDb = openTestDb(plain.dbPath);
		try {
			const marc = await createMember(plainDb, 'Marc');
			const html = await (
				await fetch(`${plain.url}/admin/invitations`, { headers: { Cookie: marc.cookie, 'Accept-Language': 'fr' } })
			).text();
			expect(html).not.toContain('name="email"');
			expect(html).toContain('Aucun e-mail n’est envoyé');
			const res = await post({ email: 'pas-une-adresse' }, marc.cookie, plain.url);
			const page = await res.text();
			expect(res.status).toBe(200);
			linkOn(page, plain.url);
			expect(page).not.toContain('en file d’envoi');
			expect(await plainDb.selectFrom('mail_outbox').select('id').execute()).toHaveLength(0);
		} finally {
			await plain.stop();
			await plainDb.destroy();
		}
	});
});
