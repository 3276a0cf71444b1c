import type { Attachment } from 'svelte/attachments';
import { isStage, type Stage } from '#lib/domain/stages.ts';
import type { Columns } from '#lib/collab/columns.ts';
import type { Place } from './keyboard-move.ts';

/**
 * Moving a card by touch: press and hold it (HOLD_MS), then slide the finger over the columns and
 * lift it off to drop. Native HTML5 drag does not start reliably from a finger, so this reads the
 * touch events itself. A finger that moves before the hold is over is scrolling: nothing is lifted.
 */
export const HOLD_MS = 450;
const SLOP_PX = 10;
const EDGE_PX = 48;
const SCROLL_STEP_PX = 12;

export interface TouchMoveEvents {
	/** A card is lifted (cardId), hovers a column (stage, or null), or is put down (null). */
	onLift(cardId: string | null): void;
	onOver(stage: Stage | null): void;
	/** The finger left the card at a place: move it there (the board's gated move). */
	onDrop(cardId: string, place: Place): void;
	columns(): Columns;
}

/** Where a card dropped over `overCardId` (its lower half when `after`), or on a column's free space, lands. */
export function placeFromTouch(
	columns: Columns,
	cardId: string,
	stage: Stage,
	overCardId: string | null,
	after: boolean
): Place {
	const others = columns[stage].filter((c) => c.id !== cardId);
	const at = overCardId ? others.findIndex((c) => c.id === overCardId) : -1;
	return { stage, index: at < 0 ? others.length : after ? at + 1 : at };
}

interface Press {
	cardId: string;
	tile: HTMLElement;
	x0: number;
	y0: number;
	scroll0: number;
	timer: ReturnType<typeof setTimeout> | null;
	lifted: boolean;
	x: number;
	y: number;
}

/** The lifted card follows the finger, above the columns, and lets the finger find what lies under it. */
function styleLifted(tile: HTMLElement, transform: string | null): void {
	tile.style.transform = transform ?? '';
	tile.style.pointerEvents = transform ? 'none' : '';
	tile.style.zIndex = transform ? '5' : '';
}

/** Attach to the scrolling box of columns: every card (`[data-card-id]`) inside can be moved by touch. */
export function longPressMove(events: TouchMoveEvents): Attachment<HTMLElement> {
	return (box) => {
		let press: Press | null = null;
		let scrolling: ReturnType<typeof setInterval> | null = null;

		function end(drop: boolean) {
			const p = press;
			press = null;
			if (scrolling) clearInterval(scrolling);
			scrolling = null;
			if (!p) return;
			if (p.timer) clearTimeout(p.timer);
			if (!p.lifted) return;
			const place = drop ? placeUnder(p) : null;
			styleLifted(p.tile, null);
			events.onOver(null);
			events.onLift(null);
			if (place) events.onDrop(p.cardId, place);
		}

		function placeUnder(p: Press): Place | null {
			const under = document.elementFromPoint(p.x, p.y);
			const column = under?.closest<HTMLElement>('[data-stage]') ?? columnAtX(p.x);
			const stage = column?.dataset.stage;
			if (!column || !box.contains(column) || !isStage(stage)) return null;
			const card = under?.closest<HTMLElement>('[data-card-id]');
			const rect = card?.getBoundingClientRect();
			const after = rect ? p.y > rect.top + rect.height / 2 : false;
			return placeFromTouch(events.columns(), p.cardId, stage, card?.dataset.cardId ?? null, after);
		}

		/** Below a short column's end, the finger still means that column. */
		function columnAtX(x: number): HTMLElement | undefined {
			return [...box.querySelectorAll<HTMLElement>('[data-stage]')].find((column) => {
				const { left, right } = column.getBoundingClientRect();
				return x >= left && x <= right;
			});
		}

		function follow(p: Press) {
			const dx = p.x - p.x0 + (box.scrollLeft - p.scroll0);
			styleLifted(p.tile, `translate(${dx}px, ${p.y - p.y0}px) rotate(-1.5deg) scale(1.04)`);
			events.onOver(placeUnder(p)?.stage ?? null);
		}

		/** Near the box's left or right edge, the columns scroll sideways under the lifted card. */
		function autoScroll(p: Press) {
			const rect = box.getBoundingClientRect();
			const direction = p.x < rect.left + EDGE_PX ? -1 : p.x > rect.right - EDGE_PX ? 1 : 0;
			if (scrolling) clearInterval(scrolling);
			scrolling = null;
			if (direction === 0) return;
			box.style.scrollSnapType = 'none'; // snapping would pull it back between steps
			scrolling = setInterval(() => {
				box.scrollLeft += direction * SCROLL_STEP_PX;
				follow(p);
			}, 16);
		}

		function onStart(event: TouchEvent) {
			end(false);
			const tile = (event.target as Element | null)?.closest<HTMLElement>('[data-card-id]');
			const touch = event.touches[0];
			if (!tile || !touch || event.touches.length > 1) return;
			const p: Press = {
				cardId: tile.dataset.cardId ?? '',
				tile,
				x0: touch.clientX,
				y0: touch.clientY,
				x: touch.clientX,
				y: touch.clientY,
				scroll0: box.scrollLeft,
				timer: null,
				lifted: false
			};
			p.timer = setTimeout(() => {
				p.timer = null;
				p.lifted = true;
				p.scroll0 = box.scrollLeft;
				navigator.vibrate?.(30);
				events.onLift(p.cardId);
				follow(p);
			}, HOLD_MS);
			press = p;
		}

		function onMove(event: TouchEvent) {
			const p = press;
			const touch = event.touches[0];
			if (!p || !touch) return;
			p.x = touch.clientX;
			p.y = touch.clientY;
			if (!p.lifted) {
				if (Math.hypot(p.x - p.x0, p.y - p.y0) > SLOP_PX) end(false); // a scroll, not a hold
				return;
			}
			event.preventDefault(); // the page must not scroll under a lifted card
			follow(p);
			autoScroll(p);
		}

		function onEnd(event: TouchEvent) {
			if (press?.lifted) event.preventDefault(); // no click (which would open the card)
			end(true);
			box.style.scrollSnapType = '';
		}

		function onCancel() {
			end(false);
			box.style.scrollSnapType = '';
		}

		// A long press opens the context menu or starts a native drag on some phones: not while holding.
		function onHoldGesture(event: Event) {
			if (press) event.preventDefault();
		}

		const active = { passive: false } as const;
		box.addEventListener('touchstart', onStart, { passive: true });
		box.addEventListener('touchmove', onMove, active);
		box.addEventListener('touchend', onEnd, active);
		box.addEventListener('touchcancel', onCancel);
		box.addEventListener('contextmenu', onHoldGesture);
		box.addEventListener('dragstart', onHoldGesture, { capture: true });
		return () => {
			onCancel();
			box.removeEventListener('touchstart', onStart);
			box.removeEventListener('touchmove', onMove);
			box.removeEventListener('touchend', onEnd);
			box.removeEventListener('touchcancel', onCancel);
			box.removeEventListener('contextmenu', onHoldGesture);
			box.removeEventListener('dragstart', onHoldGesture, { capture: true });
		};
	};
}
