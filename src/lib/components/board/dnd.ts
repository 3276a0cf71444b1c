import type { Attachment } from 'svelte/attachments';
import {
	draggable,
	dropTargetForElements,
	monitorForElements
} from '@atlaskit/pragmatic-drag-and-drop/element/adapter';
import { combine } from '@atlaskit/pragmatic-drag-and-drop/combine';
import { attachClosestEdge, extractClosestEdge } from '@atlaskit/pragmatic-drag-and-drop-hitbox/closest-edge';
import type { Edge } from '@atlaskit/pragmatic-drag-and-drop-hitbox/types';
import { isStage, type Stage } from '#lib/domain/stages.ts';
import type { Columns } from '#lib/collab/columns.ts';
import type { Place } from './keyboard-move.ts';

/** Pointer drag and drop of cards (pragmatic-drag-and-drop, element adapter). */

type Data = Record<string | symbol, unknown>;

const isCard = (data: Data) => data.kind === 'card' && typeof data.cardId === 'string';

export interface CardDndEvents {
	onDragging(dragging: boolean): void;
	/** Which edge of this card a dragged card would be dropped at (null: not over this card). */
	onEdge(edge: Edge | null): void;
}

/** Makes a card draggable and a drop target that knows whether the pointer is on its top or bottom half. */
export function cardDnd(cardId: string, stage: Stage, events: CardDndEvents): Attachment<HTMLElement> {
	return (element) =>
		combine(
			draggable({
				element,
				getInitialData: () => ({ kind: 'card', cardId }),
				onDragStart: () => events.onDragging(true),
				onDrop: () => events.onDragging(false)
			}),
			dropTargetForElements({
				element,
				canDrop: ({ source }) => isCard(source.data) && source.data.cardId !== cardId,
				getData: ({ input }) =>
					attachClosestEdge({ kind: 'card', cardId, stage }, { element, input, allowedEdges: ['top', 'bottom'] }),
				onDrag: ({ self }) => events.onEdge(extractClosestEdge(self.data)),
				onDragLeave: () => events.onEdge(null),
				onDrop: () => events.onEdge(null)
			})
		);
}

/** A column accepts cards anywhere (dropping on its empty space puts the card last). */
export function columnDropTarget(stage: Stage, onOver: (over: boolean) => void): Attachment<HTMLElement> {
	return (element) =>
		dropTargetForElements({
			element,
			canDrop: ({ source }) => isCard(source.data),
			getData: () => ({ kind: 'column', stage }),
			onDragEnter: () => onOver(true),
			onDragLeave: () => onOver(false),
			onDrop: () => onOver(false)
		});
}

/** Where a drop lands, from the innermost drop target under the pointer. */
export function dropPlace(columns: Columns, cardId: string, targets: readonly { data: Data }[]): Place | null {
	const target = targets[0]?.data;
	if (!target || !isStage(target.stage)) return null;
	const others = columns[target.stage].filter((c) => c.id !== cardId);
	if (target.kind === 'column') return { stage: target.stage, index: others.length };
	const at = others.findIndex((c) => c.id === target.cardId);
	if (at < 0) return null;
	return { stage: target.stage, index: extractClosestEdge(target) === 'bottom' ? at + 1 : at };
}

/** Watches every card drag on the page and reports drops (attach to the board's root). */
export function monitorCardDrops(
	onDragStart: () => void,
	onDrop: (cardId: string, targets: readonly { data: Data }[]) => void
): Attachment<HTMLElement> {
	return () =>
		monitorForElements({
			canMonitor: ({ source }) => isCard(source.data),
			onDragStart,
			onDrop: ({ source, location }) => onDrop(String(source.data.cardId), location.current.dropTargets)
		});
}
