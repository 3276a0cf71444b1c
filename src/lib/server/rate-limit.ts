import { sql } from 'kysely';
import type { Db } from './db/open.ts';

/**
 * Rate limits with their counters in the database (table rate_limit), so that several processes
 * of one deployment share them: a fixed window per rule and subject (an IP, a person, an account).
 */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

export interface Rule {
	/** Part of the counter's key: one name per rule. */
	name: string;
	/** Hits allowed per window. */
	max: number;
	windowMs: number;
}

/** Every limit of the app, in one place. */
export const RATE_LIMITS = {
	/** Failed logins from one IP, whatever the accounts and whether some login succeeded meanwhile. */
	loginFailuresPerIp: { name: 'login-ip', max: 30, windowMs: 15 * MINUTE },
	/** Failed logins (and password confirmations) on one account: beyond FREE_FAILURES, a growing delay. */
	loginFailuresPerAccount: { name: 'login-account', max: Number.MAX_SAFE_INTEGER, windowMs: HOUR },
	signupsPerIp: { name: 'signup-ip', max: 10, windowMs: HOUR },
	/** Invitation links opened or used from one IP (a guessed token is checked like a real one). */
	invitationChecksPerIp: { name: 'invite-ip', max: 60, windowMs: 15 * MINUTE },
	/** Comments, replies and help requests by one person. */
	commentsPerUser: { name: 'comment', max: 20, windowMs: MINUTE },
	/** A guest's feedback on the portal (each one notifies the card's people). */
	feedbackPerGuest: { name: 'feedback', max: 10, windowMs: 10 * MINUTE },
	/** Calls to the REST API with one personal access token. */
	apiCallsPerToken: { name: 'api-token', max: 300, windowMs: MINUTE }
} as const satisfies Record<string, Rule>;

/** Failures an account may have before its logins are slowed down; then 1 s, 2 s, 4 s… up to the cap. */
export const FREE_FAILURES = 3;
export const MAX_LOGIN_DELAY_MS = 8_000;

export function loginDelay(failures: number): number {
	return failures < FREE_FAILURES ? 0 : Math.min(MAX_LOGIN_DELAY_MS, 1000 * 2 ** (failures - FREE_FAILURES));
}

export type Verdict = { ok: true; hits: number } | { ok: false; retryAfterMs: number };

const keyOf = (rule: Rule, subject: string) => `${rule.name}:${subject}`;
const windowOf = (rule: Rule, now: number) => now - (now % rule.windowMs);

/** Counts one hit and says whether it is within the limit (the refused hit counts too). */
export async function hit(db: Db, rule: Rule, subject: string, now = Date.now()): Promise<Verdict> {
	const windowStart = windowOf(rule, now);
	const row = await db
		.insertInto('rate_limit')
		.values({ key: keyOf(rule, subject), window_start: windowStart, hits: 1 })
		.onConflict((oc) => oc.columns(['key', 'window_start']).doUpdateSet({ hits: sql`rate_limit.hits + 1` }))
		.returning('hits')
		.executeTakeFirstOrThrow();
	if (Math.random() < SWEEP_CHANCE) await sweep(db, now);
	return verdict(rule, row.hits, windowStart, now, true);
}

/** The hits counted so far in the current window, without counting one. */
export async function peek(db: Db, rule: Rule, subject: string, now = Date.now()): Promise<Verdict> {
	const windowStart = windowOf(rule, now);
	const row = await db
		.selectFrom('rate_limit')
		.select('hits')
		.where('key', '=', keyOf(rule, subject))
		.where('window_start', '=', windowStart)
		.executeTakeFirst();
	return verdict(rule, row?.hits ?? 0, windowStart, now, false);
}

/** Forgets a subject's count (an account's failures once its owner got in). */
export async function forget(db: Db, rule: Rule, subject: string): Promise<void> {
	await db.deleteFrom('rate_limit').where('key', '=', keyOf(rule, subject)).execute();
}

function verdict(rule: Rule, hits: number, windowStart: number, now: number, counted: boolean): Verdict {
	const over = counted ? hits > rule.max : hits >= rule.max;
	return over ? { ok: false, retryAfterMs: windowStart + rule.windowMs - now } : { ok: true, hits };
}

// Old windows are dropped now and then, so the table stays as small as the traffic of the last hours.
const SWEEP_CHANCE = 0.01;
const KEEP_MS = 2 * HOUR;

async function sweep(db: Db, now: number): Promise<void> {
	await db
		.deleteFrom('rate_limit')
		.where('window_start', '<', now - KEEP_MS)
		.execute();
}
