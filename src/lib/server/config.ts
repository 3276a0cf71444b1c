import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';

/** Server settings, all from environment variables (listed in the README). */
export interface Config {
	databaseUrl: string;
	/** `redis://…`: several processes share the boards (fan-out, presence, relays); null: this process is alone. */
	redisUrl: string | null;
	/** This process's name in the cluster (logs, Redis client names, leases); unique per process. */
	nodeId: string;
	/** The public origin (adapter-node's ORIGIN); when unset, requests are trusted to name their own host. */
	origin: string | null;
	seedDemo: boolean;
	/** Where invitation e-mails go out (`smtp://user:pass@host:587`, `smtps://…`); null: no e-mail is sent. */
	smtpUrl: string | null;
	/** The sender of those e-mails. */
	mailFrom: string;
	/** Webhooks: how often the outbox is looked at, and the first retry's delay (doubling after); see webhooks/worker.ts for the defaults. */
	webhookPollMs?: number;
	webhookRetryBaseMs?: number;
	/** In a cluster, how long a board's or a job's lease lasts unrenewed (see cluster/lease.ts for the default). */
	leaseTtlMs?: number;
	/** E-mails: how often the outbox is looked at, and the first retry's delay; see mail-outbox.ts for the defaults. */
	mailPollMs?: number;
	mailRetryBaseMs?: number;
	/** A board's stored updates between two compactions (COMPACT_EVERY; tests lower it to compact often). */
	compactEvery?: number;
	/** Board history: the smallest stored board a new generation starts for, and how long ended ones are kept (sync/generations.ts). */
	renewMinBytes?: number;
	generationKeepDays?: number;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
	return {
		databaseUrl: env.DATABASE_URL || 'file:data/bouture.db',
		redisUrl: env.REDIS_URL || null,
		nodeId: env.NODE_ID || `${hostname()}-${process.pid}-${randomBytes(3).toString('hex')}`,
		origin: env.ORIGIN ? new URL(env.ORIGIN).origin : null,
		seedDemo: !/^(0|false|no|off)$/i.test(env.SEED_DEMO ?? 'true'),
		smtpUrl: env.SMTP_URL || null,
		mailFrom: env.MAIL_FROM || 'Bouture <no-reply@localhost>',
		webhookPollMs: positive(env.WEBHOOK_POLL_MS),
		webhookRetryBaseMs: positive(env.WEBHOOK_RETRY_BASE_MS),
		leaseTtlMs: positive(env.LEASE_TTL_MS),
		mailPollMs: positive(env.MAIL_POLL_MS),
		mailRetryBaseMs: positive(env.MAIL_RETRY_BASE_MS),
		compactEvery: positive(env.COMPACT_EVERY),
		renewMinBytes: positive(env.RENEW_MIN_BYTES),
		generationKeepDays: positive(env.GENERATION_KEEP_DAYS)
	};
}

function positive(value: string | undefined): number | undefined {
	const n = Number(value);
	return value && Number.isFinite(n) && n > 0 ? n : undefined;
}
