import { describe, expect, it } from 'vitest';
import { CARD_EVENT_HOOKS, retryDelay, WEBHOOK_EVENTS } from './webhook-events.ts';

describe('webhook events', () => {
	it('doubles the retry delay from the base, capped at a day', () => {
		expect([1, 2, 3, 4].map((n) => retryDelay(n, 30_000))).toEqual([30_000, 60_000, 120_000, 240_000]);
		expect(retryDelay(40, 30_000)).toBe(24 * 60 * 60 * 1000);
	});

	it('maps only the card log kinds a webhook may listen to', () => {
		for (const event of Object.values(CARD_EVENT_HOOKS)) expect(WEBHOOK_EVENTS).toContain(event);
		expect(CARD_EVENT_HOOKS['comment-edited']).toBeUndefined();
	});
});
