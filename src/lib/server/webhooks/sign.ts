import { createHmac, timingSafeEqual } from 'node:crypto';

/** The `X-Bouture-Signature` header of a body: HMAC-SHA256 with the webhook's secret, in hex. */
export function signatureOf(secret: string, body: string): string {
	return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

/** What a receiver does: compare in constant time (exported for tests and for the README's example). */
export function isSignatureValid(secret: string, body: string, header: string | null): boolean {
	const expected = Buffer.from(signatureOf(secret, body));
	const given = Buffer.from(header ?? '');
	return expected.length === given.length && timingSafeEqual(expected, given);
}
