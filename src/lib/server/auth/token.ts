import { sha256 } from '@oslojs/crypto/sha2';
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';

/** Pure session maths (Lucia session guide), kept apart from the database so it is easy to test. */

export const DAY = 24 * 60 * 60 * 1000;
export const SESSION_LIFETIME = 30 * DAY;
/** However often it is used, a session ends this long after it started: then one logs in again. */
export const SESSION_MAX_AGE = 90 * DAY;

/** 160 random bits, base32: the only copy lives in the user's cookie. */
export function generateSessionToken(): string {
	const bytes = new Uint8Array(20);
	crypto.getRandomValues(bytes);
	return encodeBase32LowerCaseNoPadding(bytes);
}

/** The database stores only the SHA-256 of the token, so a leaked table opens no session. */
export function sessionIdFromToken(token: string): string {
	return encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
}

export type ExpiryVerdict = 'expired' | 'extend' | 'keep';

/**
 * Sliding expiry: a session used in the second half of its life gets a fresh 30 days, but never past
 * SESSION_MAX_AGE from its start (`createdAt`; null for rows older than that rule, which have none).
 */
export function judgeExpiry(expiresAt: number, now: number, createdAt: number | null = null): ExpiryVerdict {
	if (now >= expiresAt || (createdAt !== null && now >= createdAt + SESSION_MAX_AGE)) return 'expired';
	if (now >= expiresAt - SESSION_LIFETIME / 2 && extendedExpiry(now, createdAt) > expiresAt) return 'extend';
	return 'keep';
}

/** The expiry a session used now gets: 30 days on, within its absolute lifetime. */
export function extendedExpiry(now: number, createdAt: number | null): number {
	return Math.min(now + SESSION_LIFETIME, (createdAt ?? now) + SESSION_MAX_AGE);
}
