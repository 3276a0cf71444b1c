import { m } from '#lib/paraglide/messages.js';
import type { Blockers } from '#lib/board/gated-move.ts';
import type { Stage } from '#lib/domain/stages.ts';
import type { BoardSession } from '#lib/collab/board-session.svelte.ts';
import type { Columns } from '#lib/collab/columns.ts';
import { placeOf, positionIn, step, withCardAt, type ArrowKey, type Place } from './keyboard-move.ts';
import { stageLabel } from '#lib/i18n/labels.ts';

/** A move the gates or the limits refused: where it was going, what the card lacks, which limits are full. */
export interface Refusal extends Blockers {
	cardId: string;
	title: string;
	to: Stage;
	index: number;
}

interface Lifted {
	cardId: string;
	title: string;
	to: Place;
}

/**
 * Moving a card with the keyboard: Space picks it up, arrows move a preview (nothing is written,
 * so the others see no churn), Space drops it (one write), Escape puts it back.
 */
export class CardMover {
	lifted = $state<Lifted | null>(null);
	readonly #session: BoardSession;
	readonly #announce: (text: string) => void;
	readonly #onRefused: (refusal: Refusal) => void;

	constructor(session: BoardSession, announce: (text: string) => void, onRefused: (refusal: Refusal) => void) {
		this.#session = session;
		this.#announce = announce;
		this.#onRefused = onRefused;
	}

	/** The columns to show: the live ones, with the lifted card at its preview place. */
	get columns(): Columns {
		const lifted = this.lifted;
		const live = this.#session.columns;
		return lifted ? withCardAt(live, lifted.cardId, lifted.to) : live;
	}

	pickUp(cardId: string): void {
		if (this.#session.readOnly) return;
		const card = this.#session.card(cardId);
		const place = placeOf(this.#session.columns, cardId);
		if (!card || !place) return;
		this.lifted = { cardId, title: card.title, to: place };
		this.#announce(m.board_kb_lifted({ title: card.title, ...this.#where(cardId, place) }));
	}

	arrow(key: ArrowKey): void {
		const lifted = this.lifted;
		if (!lifted) return;
		const to = step(this.#session.columns, lifted.cardId, lifted.to, key);
		this.lifted = { ...lifted, to };
		this.#announce(m.board_kb_moved(this.#where(lifted.cardId, to)));
	}

	drop(): void {
		const lifted = this.lifted;
		if (!lifted) return;
		this.lifted = null;
		const { stage, index } = lifted.to;
		const result = this.#session.move(lifted.cardId, stage, index);
		if (result.moved) this.#announceWhereNow(lifted, m.board_kb_dropped);
		else {
			const { missing, limits } = result;
			this.#onRefused({ cardId: lifted.cardId, title: lifted.title, to: stage, index, missing, limits });
		}
	}

	cancel(): void {
		const lifted = this.lifted;
		if (!lifted) return;
		this.lifted = null;
		this.#announceWhereNow(lifted, m.board_kb_cancelled);
	}

	/** The lifted card left the board (archived or deleted by someone else): forget it quietly. */
	abandonIfGone(): void {
		if (this.lifted && !placeOf(this.#session.columns, this.lifted.cardId)) this.lifted = null;
	}

	#where(cardId: string, place: Place) {
		return { stage: stageLabel(place.stage), ...positionIn(this.#session.columns, cardId, place) };
	}

	#announceWhereNow(lifted: Lifted, message: typeof m.board_kb_dropped): void {
		const place = placeOf(this.#session.columns, lifted.cardId);
		if (place) this.#announce(message({ title: lifted.title, ...this.#where(lifted.cardId, place) }));
	}
}
