import { describe, expect, it } from 'vitest';
import { readConfig } from './config.ts';
import { createMailer } from './mail.ts';

describe('createMailer', () => {
	it('is null without SMTP_URL: the app works without mail', () => {
		expect(createMailer(readConfig({}))).toBeNull();
		expect(createMailer(readConfig({ SMTP_URL: '' }))).toBeNull();
	});

	it('gives a mailer when SMTP_URL is set (nothing is contacted until a send)', () => {
		const mailer = createMailer(readConfig({ SMTP_URL: 'smtp://user:pass@127.0.0.1:2525' }));
		expect(mailer).not.toBeNull();
		expect(typeof mailer?.send).toBe('function');
		mailer?.close();
	});

	it('reads MAIL_FROM, with a default sender', () => {
		expect(readConfig({}).mailFrom).toBe('Bouture <no-reply@localhost>');
		expect(readConfig({ MAIL_FROM: 'Atelier <atelier@example.test>' }).mailFrom).toBe('Atelier <atelier@example.test>');
		expect(readConfig({}).smtpUrl).toBeNull();
	});
});
