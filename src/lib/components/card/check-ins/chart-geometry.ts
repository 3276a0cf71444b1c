import { toDay } from '#lib/domain/method/dates.ts';
import type { BoxPoint } from '#lib/domain/method/trajectory.ts';
import type { IsoDate, Status } from '#lib/domain/method/types.ts';

/** Space kept free around the plot area, in SVG user units. */
export interface Insets {
	top: number;
	right: number;
	bottom: number;
	left: number;
}

/** The same margin on every side, or one per side. */
export type Padding = number | Insets;

export interface SvgPoint {
	x: number;
	y: number;
}

export function insets(padding: Padding): Insets {
	return typeof padding === 'number' ? { top: padding, right: padding, bottom: padding, left: padding } : padding;
}

/** A coordinate rounded to two decimals, so the markup stays short (and never "-0"). */
export function coord(n: number): string {
	const rounded = Math.round(n * 100) / 100;
	return String(rounded === 0 ? 0 : rounded);
}

/**
 * A unit-box point (x = 0 left, y = 0 bottom) in SVG coordinates (y = 0 top) inside a
 * `width` × `height` viewport minus `padding`. A viewport smaller than its padding collapses the
 * plot area to a line rather than turning it inside out.
 */
export function toSvgPoint(point: BoxPoint, width: number, height: number, padding: Padding = 0): SvgPoint {
	const p = insets(padding);
	const innerWidth = Math.max(0, width - p.left - p.right);
	const innerHeight = Math.max(0, height - p.top - p.bottom);
	return { x: p.left + point.x * innerWidth, y: p.top + (1 - point.y) * innerHeight };
}

/** The `points` attribute of an SVG polyline through the box points, in order. */
export function toSvgPoints(points: readonly BoxPoint[], width: number, height: number, padding: Padding = 0): string {
	return points
		.map((point) => toSvgPoint(point, width, height, padding))
		.map(({ x, y }) => `${coord(x)},${coord(y)}`)
		.join(' ');
}

/**
 * Two label positions on one axis, `first` ≤ `second`, pushed apart around their middle until they
 * are at least `gap` apart so the labels do not overlap, then slid back between `min` and `max` when
 * the range leaves room for both.
 */
export function spread(first: number, second: number, gap: number, min = -Infinity, max = Infinity): [number, number] {
	let [a, b] =
		second - first >= gap ? [first, second] : [(first + second) / 2 - gap / 2, (first + second) / 2 + gap / 2];
	if (max - min < b - a) return [a, b];
	if (a < min) [a, b] = [min, b + (min - a)];
	if (b > max) [a, b] = [a - (b - max), max];
	return [a, b];
}

/** Where a label sits relative to its anchor: flush left near the start, flush right near the end. */
export function textAnchor(x: number): 'start' | 'middle' | 'end' {
	if (x < 1 / 3) return 'start';
	if (x > 2 / 3) return 'end';
	return 'middle';
}

/** The horizontal extent of a label `width` wide drawn at `x` with this text-anchor. */
export function labelSpan(x: number, width: number, anchor: 'start' | 'middle' | 'end'): [number, number] {
	if (anchor === 'start') return [x, x + width];
	if (anchor === 'end') return [x - width, x];
	return [x - width / 2, x + width / 2];
}

/** The ink of a status, from the board's palette with the same fallbacks. */
export function statusInk(status: Status): string {
	switch (status) {
		case 'on-track':
			return 'var(--ok-ink, #1f5c39)';
		case 'at-risk':
			return 'var(--warn-ink, #734700)';
		case 'off-track':
			return 'var(--danger-ink, #962c25)';
		case 'no-data':
			return 'var(--muted, #4a5650)';
	}
}

/**
 * A calendar date for people to read, e.g. "3 mars 2025". The date has no time zone, so it is
 * formatted at midnight UTC in UTC: the day never shifts with the reader's clock. Unknown shapes
 * come back unchanged.
 */
export function formatIsoDate(date: IsoDate, locale: string, style: 'medium' | 'short' = 'medium'): string {
	const day = toDay(date);
	if (day === null) return date;
	return new Intl.DateTimeFormat(locale, { dateStyle: style, timeZone: 'UTC' }).format(day * 86_400_000);
}
