import { sha256 } from '@oslojs/crypto/sha2';
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';

/** Pure session maths (Lucia session guide), kept apart from the database so it is easy to test. */

export const DAY = 24 * 60 * 60 * 1000;
export const SESSION_LIFETIME = 30 * DAY;

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

/** Sliding expiry: a session used in the second half of its life gets a fresh 30 days. */
export function judgeExpiry(expiresAt: number, now: number): ExpiryVerdict {
	if (now >= expiresAt) return 'expired';
	if (now >= expiresAt - SESSION_LIFETIME / 2) return 'extend';
	return 'keep';
}
