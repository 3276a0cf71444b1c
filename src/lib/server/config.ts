/** Server settings, all from environment variables (listed in the README). */
export interface Config {
	databaseUrl: string;
	/** The public origin (adapter-node's ORIGIN); when unset, requests are trusted to name their own host. */
	origin: string | null;
	seedDemo: boolean;
	/** Where invitation e-mails go out (`smtp://user:pass@host:587`, `smtps://…`); null: no e-mail is sent. */
	smtpUrl: string | null;
	/** The sender of those e-mails. */
	mailFrom: string;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
	return {
		databaseUrl: env.DATABASE_URL || 'file:data/bouture.db',
		origin: env.ORIGIN ? new URL(env.ORIGIN).origin : null,
		seedDemo: !/^(0|false|no|off)$/i.test(env.SEED_DEMO ?? 'true'),
		smtpUrl: env.SMTP_URL || null,
		mailFrom: env.MAIL_FROM || 'Bouture <no-reply@localhost>'
	};
}
