import { describe, expect, it } from 'vitest';
import { parseNumber } from './parse-number.ts';

describe('parseNumber', () => {
	it.each([
		['12', 12],
		['12,5', 12.5],
		['12.5', 12.5],
		['-3,25', -3.25],
		['\u22123', -3],
		['+4', 4],
		[',5', 0.5],
		['5,', 5],
		['  42  ', 42],
		['1 234,5', 1234.5],
		['1\u00a0234,5', 1234.5],
		['1\u202f234\u202f567', 1234567],
		["1'234.5", 1234.5],
		['1.234,5', 1234.5],
		['1,234.5', 1234.5],
		['1.234.567', 1234567],
		['1,234,567', 1234567],
		['0', 0]
	])('reads %j as %d', (input, expected) => {
		expect(parseNumber(input)).toBe(expected);
	});

	it('reads a lone comma as the decimal separator, except for thousands in English', () => {
		expect(parseNumber('1,234')).toBe(1.234);
		expect(parseNumber('1,234', 'en')).toBe(1234);
		expect(parseNumber('1,23', 'en')).toBe(1.23);
		expect(parseNumber('1.234', 'en')).toBe(1.234);
	});

	it.each([
		'',
		'   ',
		'abc',
		'12 %',
		'1e3',
		'1,2,3',
		'1.2.3,4,5',
		'12,5.3',
		'1.23,4',
		'--1',
		'-',
		',',
		'1-2',
		'Infinity'
	])('refuses %j', (input) => {
		expect(parseNumber(input)).toBeNull();
	});

	it('refuses numbers too large to be finite', () => {
		expect(parseNumber('9'.repeat(400))).toBeNull();
	});
});
