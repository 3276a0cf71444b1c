import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { nanoid } from 'nanoid';
import * as v from 'valibot';
import { BoardName, CardTitle, Email, LIMITS, Password, SignupInput, isId } from './validation.ts';

const ok = <T>(schema: v.GenericSchema<unknown, T>, input: unknown): T => {
	const result = v.safeParse(schema, input);
	if (!result.success) throw new Error(`expected ${JSON.stringify(input)} to pass: ${result.issues[0].message}`);
	return result.output;
};
const fails = (schema: v.GenericSchema, input: unknown) => v.safeParse(schema, input).success === false;

describe('CardTitle and BoardName', () => {
	it('trim surrounding whitespace', () => {
		expect(ok(CardTitle, '  Ship it \n')).toBe('Ship it');
		expect(ok(BoardName, '\tRoadmap  ')).toBe('Roadmap');
	});

	it('reject blank input', () => {
		for (const blank of ['', '   ', '\n\t']) {
			expect(fails(CardTitle, blank)).toBe(true);
			expect(fails(BoardName, blank)).toBe(true);
		}
	});

	it('reject non-strings', () => {
		expect(fails(CardTitle, 42)).toBe(true);
		expect(fails(BoardName, null)).toBe(true);
	});

	it('accept exactly up to their limit, counted after trimming', () => {
		expect(ok(CardTitle, 'x'.repeat(LIMITS.title))).toHaveLength(200);
		expect(fails(CardTitle, 'x'.repeat(LIMITS.title + 1))).toBe(true);
		expect(ok(CardTitle, `  ${'x'.repeat(LIMITS.title)}  `)).toHaveLength(200);
		expect(ok(BoardName, 'x'.repeat(LIMITS.boardName))).toHaveLength(80);
		expect(fails(BoardName, 'x'.repeat(LIMITS.boardName + 1))).toBe(true);
	});

	it('return the trimmed text for any non-blank title within the limit', () => {
		fc.assert(
			fc.property(fc.string({ maxLength: 250 }), (raw) => {
				const trimmed = raw.trim();
				const result = v.safeParse(CardTitle, raw);
				expect(result.success).toBe(trimmed.length >= 1 && trimmed.length <= LIMITS.title);
				if (result.success) expect(result.output).toBe(trimmed);
			})
		);
	});
});

describe('Email', () => {
	it('trims and lowercases', () => {
		expect(ok(Email, '  Ada.Lovelace@Example.ORG ')).toBe('ada.lovelace@example.org');
	});

	it('rejects malformed addresses', () => {
		for (const bad of ['', 'ada', 'ada@', '@example.org', 'ada@example', 'a da@example.org', 'ada@@example.org']) {
			expect(fails(Email, bad)).toBe(true);
		}
	});

	it('rejects addresses longer than 254 characters', () => {
		const at254 = `${'a'.repeat(64)}@${'b'.repeat(185)}.org`;
		expect(at254).toHaveLength(254);
		expect(ok(Email, at254)).toBe(at254);
		expect(fails(Email, `a${at254}`)).toBe(true);
	});
});

describe('Password', () => {
	it('needs at least 10 characters', () => {
		expect(fails(Password, '123456789')).toBe(true);
		expect(ok(Password, '1234567890')).toBe('1234567890');
	});

	it('allows at most 256 characters', () => {
		expect(ok(Password, 'p'.repeat(LIMITS.passwordMax))).toHaveLength(256);
		expect(fails(Password, 'p'.repeat(LIMITS.passwordMax + 1))).toBe(true);
	});

	it('is not trimmed: spaces count and are kept', () => {
		expect(ok(Password, '  secret   ')).toBe('  secret   ');
		expect(fails(Password, '  short  ')).toBe(true);
	});
});

describe('SignupInput', () => {
	const valid = { name: ' Ada ', email: 'ADA@example.org', password: 'correct horse', organization: ' Analytical ' };

	it('normalises a valid signup', () => {
		expect(ok(SignupInput, valid)).toEqual({
			name: 'Ada',
			email: 'ada@example.org',
			password: 'correct horse',
			organization: 'Analytical'
		});
	});

	it('rejects a signup when any one field is invalid or missing', () => {
		const broken = [
			{ ...valid, name: '  ' },
			{ ...valid, email: 'not-an-email' },
			{ ...valid, password: 'short' },
			{ ...valid, organization: 'o'.repeat(81) },
			{ name: valid.name, email: valid.email, password: valid.password }
		];
		for (const input of broken) expect(fails(SignupInput, input)).toBe(true);
	});
});

describe('isId', () => {
	it('accepts nanoid(21) ids', () => {
		for (let i = 0; i < 200; i++) expect(isId(nanoid(21))).toBe(true);
	});

	it('rejects short, path-ish, unicode and non-string ids', () => {
		for (const bad of [
			'',
			'abc',
			'a'.repeat(9),
			'a'.repeat(65),
			'../../etc/passwd',
			'abc/defghijk',
			'abcdefghij.',
			'abc%2Fdefghij',
			'abcdéfghijk',
			'abcdefghij\u0000',
			'ＡＢＣＤＥＦＧＨＩＪＫ',
			'abcdefghij\n',
			' abcdefghij',
			null,
			12345678901
		]) {
			expect(isId(bad)).toBe(false);
		}
	});

	it('accepts the length bounds 10 and 64', () => {
		expect(isId('a'.repeat(10))).toBe(true);
		expect(isId('_-'.repeat(32))).toBe(true);
	});

	it('rejects any id containing a character outside the nanoid alphabet', () => {
		fc.assert(
			fc.property(
				fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }).filter((c) => !/^[A-Za-z0-9_-]$/.test(c)),
				fc.nat(20),
				(char, at) => {
					const id = nanoid(21);
					expect(isId(id.slice(0, at) + char + id.slice(at))).toBe(false);
				}
			)
		);
	});
});
