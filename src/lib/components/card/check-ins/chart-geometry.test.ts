import { describe, expect, it } from 'vitest';
import {
	coord,
	formatIsoDate,
	insets,
	labelSpan,
	spread,
	statusInk,
	textAnchor,
	toSvgPoint,
	toSvgPoints
} from './chart-geometry.ts';

describe('insets', () => {
	it('spreads one number to every side and keeps per-side padding as it is', () => {
		expect(insets(3)).toEqual({ top: 3, right: 3, bottom: 3, left: 3 });
		const sides = { top: 1, right: 2, bottom: 3, left: 4 };
		expect(insets(sides)).toBe(sides);
	});
});

describe('coord', () => {
	it('rounds to two decimals and never writes -0', () => {
		expect(coord(12.3456)).toBe('12.35');
		expect(coord(94 / 3)).toBe('31.33');
		expect(coord(27)).toBe('27');
		expect(coord(-0.001)).toBe('0');
		expect(coord(-0)).toBe('0');
	});
});

describe('toSvgPoint', () => {
	it('flips y: the bottom of the box is the bottom of the viewport', () => {
		expect(toSvgPoint({ x: 0, y: 0 }, 100, 30)).toEqual({ x: 0, y: 30 });
		expect(toSvgPoint({ x: 1, y: 1 }, 100, 30)).toEqual({ x: 100, y: 0 });
		expect(toSvgPoint({ x: 0.25, y: 0.75 }, 100, 30)).toEqual({ x: 25, y: 7.5 });
	});

	it('keeps the padding free on every side', () => {
		// Plot area 94 × 24 starting at (3, 3).
		expect(toSvgPoint({ x: 0, y: 0 }, 100, 30, 3)).toEqual({ x: 3, y: 27 });
		expect(toSvgPoint({ x: 1, y: 1 }, 100, 30, 3)).toEqual({ x: 97, y: 3 });
		expect(toSvgPoint({ x: 0.5, y: 0.5 }, 100, 30, 3)).toEqual({ x: 50, y: 15 });
	});

	it('takes each side of an uneven padding where it belongs', () => {
		const padding = { top: 10, right: 20, bottom: 40, left: 60 };
		// Plot area x 60..380 (320 wide), y 10..140 (130 high).
		expect(toSvgPoint({ x: 0, y: 0 }, 400, 180, padding)).toEqual({ x: 60, y: 140 });
		expect(toSvgPoint({ x: 1, y: 1 }, 400, 180, padding)).toEqual({ x: 380, y: 10 });
		expect(toSvgPoint({ x: 0.25, y: 0.2 }, 400, 180, padding)).toEqual({ x: 140, y: 114 });
	});

	it('collapses a viewport smaller than its padding instead of turning it inside out', () => {
		expect(toSvgPoint({ x: 1, y: 1 }, 10, 10, { top: 4, right: 8, bottom: 8, left: 4 })).toEqual({ x: 4, y: 4 });
		expect(toSvgPoint({ x: 0, y: 0 }, 10, 10, { top: 4, right: 8, bottom: 8, left: 4 })).toEqual({ x: 4, y: 4 });
	});
});

describe('toSvgPoints', () => {
	it('writes the polyline points in order, flipped and rounded', () => {
		const points = [
			{ x: 0, y: 0 },
			{ x: 0.5, y: 0.52 },
			{ x: 1, y: 1 }
		];
		expect(toSvgPoints(points, 100, 30)).toBe('0,30 50,14.4 100,0');
		expect(toSvgPoints(points, 100, 30, 3)).toBe('3,27 50,14.52 97,3');
	});

	it('rounds thirds to two decimals', () => {
		expect(toSvgPoints([{ x: 1 / 3, y: 2 / 3 }], 100, 30)).toBe('33.33,10');
		expect(toSvgPoints([{ x: 1 / 3, y: 1 / 3 }], 100, 100)).toBe('33.33,66.67');
	});

	it('writes nothing for no points', () => {
		expect(toSvgPoints([], 100, 30, 3)).toBe('');
	});

	it('keeps extra fields such as date and value out of the attribute', () => {
		const checkIns = [{ x: 0.5, y: 0.5, date: '2026-01-05', value: 3 }];
		expect(toSvgPoints(checkIns, 480, 180, 12)).toBe('240,90');
	});
});

describe('spread', () => {
	it('leaves labels alone when they are far enough apart', () => {
		expect(spread(20, 60, 14)).toEqual([20, 60]);
		expect(spread(20, 34, 14)).toEqual([20, 34]);
	});

	it('pushes close labels apart around their middle', () => {
		expect(spread(50, 54, 14)).toEqual([45, 59]);
		expect(spread(80, 80, 14)).toEqual([73, 87]);
	});

	it('slides the pair back inside the range', () => {
		expect(spread(12, 14, 14, 10, 156)).toEqual([10, 24]);
		expect(spread(154, 156, 14, 12, 156)).toEqual([142, 156]);
	});

	it('gives up on the range when it is narrower than the gap', () => {
		expect(spread(5, 5, 14, 0, 10)).toEqual([-2, 12]);
	});
});

describe('textAnchor', () => {
	it('anchors by thirds of the box', () => {
		expect(textAnchor(0)).toBe('start');
		expect(textAnchor(0.3)).toBe('start');
		expect(textAnchor(0.5)).toBe('middle');
		expect(textAnchor(0.7)).toBe('end');
		expect(textAnchor(1)).toBe('end');
	});
});

describe('labelSpan', () => {
	it('measures a label from its anchor', () => {
		expect(labelSpan(100, 40, 'start')).toEqual([100, 140]);
		expect(labelSpan(100, 40, 'middle')).toEqual([80, 120]);
		expect(labelSpan(100, 40, 'end')).toEqual([60, 100]);
	});
});

describe('statusInk', () => {
	it('maps every status to its palette ink with a fallback', () => {
		expect(statusInk('on-track')).toBe('var(--ok-ink, #1f5c39)');
		expect(statusInk('at-risk')).toBe('var(--warn-ink, #734700)');
		expect(statusInk('off-track')).toBe('var(--danger-ink, #962c25)');
		expect(statusInk('no-data')).toBe('var(--muted, #4a5650)');
	});
});

describe('formatIsoDate', () => {
	it('formats the calendar day in the reader’s language without shifting it', () => {
		expect(formatIsoDate('2026-01-05', 'fr')).toBe('5 janv. 2026');
		expect(formatIsoDate('2026-01-05', 'en')).toBe('Jan 5, 2026');
		expect(formatIsoDate('2025-12-31', 'en', 'short')).toBe('12/31/25');
	});

	it('returns a date it cannot read unchanged', () => {
		expect(formatIsoDate('2026-02-30', 'en')).toBe('2026-02-30');
		expect(formatIsoDate('soon', 'fr')).toBe('soon');
	});
});
