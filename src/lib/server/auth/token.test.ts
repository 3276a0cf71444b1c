import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { createHash } from 'node:crypto';
import { DAY, SESSION_LIFETIME, generateSessionToken, judgeExpiry, sessionIdFromToken } from './token.ts';

describe('generateSessionToken', () => {
	it('carries at least 120 bits: 32 base32 characters (5 bits each)', () => {
		for (let i = 0; i < 100; i++) {
			const token = generateSessionToken();
			expect(token).toMatch(/^[a-z2-7]{32}$/);
			expect(token.length * Math.log2(32)).toBeGreaterThanOrEqual(120);
		}
	});

	it('never repeats in 1,000 tokens', () => {
		const tokens = Array.from({ length: 1000 }, generateSessionToken);
		expect(new Set(tokens).size).toBe(1000);
	});

	it('uses the whole base32 alphabet (the bytes are random, not a fixed pattern)', () => {
		const seen = new Set(Array.from({ length: 1000 }, generateSessionToken).join(''));
		expect([...seen].sort().join('')).toBe('234567abcdefghijklmnopqrstuvwxyz');
	});
});

describe('sessionIdFromToken', () => {
	it('is the lowercase hex SHA-256 of the token', () => {
		fc.assert(
			fc.property(fc.string({ unit: 'grapheme', maxLength: 64 }), (token) => {
				const expected = createHash('sha256').update(token, 'utf8').digest('hex');
				expect(sessionIdFromToken(token)).toBe(expected);
			})
		);
	});

	it('matches a known vector and is never the token itself', () => {
		expect(sessionIdFromToken('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
		const token = generateSessionToken();
		expect(sessionIdFromToken(token)).toMatch(/^[0-9a-f]{64}$/);
		expect(sessionIdFromToken(token)).not.toContain(token);
	});
});

describe('judgeExpiry', () => {
	const expiresAt = 1_800_000_000_000;
	const halfway = expiresAt - SESSION_LIFETIME / 2;

	it('lasts 30 days', () => {
		expect(SESSION_LIFETIME).toBe(30 * DAY);
		expect(DAY).toBe(86_400_000);
	});

	it('is expired at and after the expiry instant', () => {
		expect(judgeExpiry(expiresAt, expiresAt)).toBe('expired');
		expect(judgeExpiry(expiresAt, expiresAt + 1)).toBe('expired');
		expect(judgeExpiry(expiresAt, expiresAt + 365 * DAY)).toBe('expired');
	});

	it('extends in the second half of the life, from the halfway instant on', () => {
		expect(judgeExpiry(expiresAt, expiresAt - 1)).toBe('extend');
		expect(judgeExpiry(expiresAt, halfway)).toBe('extend');
		expect(judgeExpiry(expiresAt, halfway + DAY)).toBe('extend');
	});

	it('keeps the session in the first half', () => {
		expect(judgeExpiry(expiresAt, halfway - 1)).toBe('keep');
		expect(judgeExpiry(expiresAt, expiresAt - SESSION_LIFETIME)).toBe('keep');
	});

	it('partitions time into keep < extend < expired', () => {
		fc.assert(
			fc.property(fc.integer({ min: -2 * SESSION_LIFETIME, max: 2 * SESSION_LIFETIME }), (offset) => {
				const now = expiresAt + offset;
				const expected = now >= expiresAt ? 'expired' : now >= halfway ? 'extend' : 'keep';
				expect(judgeExpiry(expiresAt, now)).toBe(expected);
			})
		);
	});
});
