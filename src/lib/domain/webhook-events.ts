/** What a webhook may listen to; `ping` is only ever sent by the "send test" button. */
export const WEBHOOK_EVENTS = [
	'card.created',
	'card.moved',
	'card.concluded',
	'checkin.added',
	'comment.created',
	'signal.created',
	'standup.closed'
] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number] | 'ping';

/** The card log's kinds that a webhook hears of, under their public names. */
export const CARD_EVENT_HOOKS: Partial<Record<string, WebhookEvent>> = {
	created: 'card.created',
	moved: 'card.moved',
	outcome: 'card.concluded',
	'check-in': 'checkin.added',
	comment: 'comment.created',
	signal: 'signal.created'
};

/** Delay before retry number `attempt` (1 for the first retry): doubling from `baseMs`, capped at a day. */
export function retryDelay(attempt: number, baseMs: number): number {
	return Math.min(baseMs * 2 ** (attempt - 1), 24 * 60 * 60 * 1000);
}

/** Attempts before a delivery is given up, and failed attempts in a row before a webhook is disabled. */
export const MAX_ATTEMPTS = 8;
export const DISABLE_AFTER_FAILURES = 15;
