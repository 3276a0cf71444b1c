import * as Y from 'yjs';
import * as v from 'valibot';
import { createContext } from 'svelte';
import { nanoid } from 'nanoid';
import { Awareness, removeAwarenessStates } from 'y-protocols/awareness';
import type { Stage } from '#lib/domain/stages.ts';
import { rankForIndex } from '#lib/domain/ordering.ts';
import { CardTitle } from '#lib/domain/validation.ts';
import { cardsMap, getDescription, readCards, type CardView } from '#lib/board/schema.ts';
import { createCard, moveCard, renameCard, setArchived } from '#lib/board/commands.ts';
import { connectBoard, type BoardConnection, type CloseReason, type ConnectionStatus } from './provider.ts';
import { readPresence, type BoardUser, type PresenceState } from './presence.ts';
import { arrangeCards, emptyColumns, type Columns } from './columns.ts';

export interface BoardSessionOptions {
	boardId: string;
	user: BoardUser;
}

/**
 * One person's live view of one board: owns the Y.Doc, the sync connection and the awareness, and
 * mirrors the document into $state for the components. Safe to construct during SSR: nothing
 * touches the network (or starts a timer) until `connect()`, which only the browser calls.
 */
export class BoardSession {
	readonly boardId: string;
	readonly user: BoardUser;
	readonly doc = new Y.Doc();

	/** Cards on the board, per stage, in rank order. */
	columns = $state.raw<Columns>(emptyColumns());
	/** Archived cards, most recently created first. */
	archived = $state.raw<CardView[]>([]);
	status = $state<ConnectionStatus>('connecting');
	/** True once the server's copy of the board has been received (again, after a reconnect). */
	synced = $state(false);
	/** True from the first sync on: before it, an empty column only means "not loaded yet". */
	loaded = $state(false);
	/** Set when the server closed the connection for good; the session then stays offline. */
	closeReason = $state<CloseReason | null>(null);
	/** Other people on the board (not me, whatever number of tabs I have open). */
	people = $state.raw<BoardUser[]>([]);
	/** The card this person has open, shared with the others. */
	openCardId = $state<string | null>(null);

	// Immutable snapshots, replaced whole on each change ($state.raw), hence no SvelteMap.
	#viewers = $state.raw<ReadonlyMap<string, BoardUser[]>>(NO_VIEWERS);
	#byId = $state.raw<ReadonlyMap<string, CardView>>(NO_CARDS);
	#awareness: Awareness | null = null;
	#connection: BoardConnection | null = null;
	#destroyed = false;

	constructor({ boardId, user }: BoardSessionOptions) {
		this.boardId = boardId;
		this.user = user;
		cardsMap(this.doc).observeDeep(this.#mirror);
		this.#mirror();
	}

	/** Starts syncing. Browser only; calling it twice is harmless. */
	connect(): void {
		if (this.#connection || this.#destroyed) return;
		const awareness = new Awareness(this.doc);
		awareness.on('change', this.#readPresence);
		this.#awareness = awareness;
		this.#announceSelf();
		this.#connection = connectBoard(this.doc, awareness, this.boardId, {
			onStatus: (status) => (this.status = status),
			onSynced: (synced) => {
				this.synced = synced;
				if (synced) this.loaded = true;
			},
			onClosed: (reason) => (this.closeReason = reason)
		});
		window.addEventListener('pagehide', this.#leave);
		window.addEventListener('pageshow', this.#rejoin);
	}

	card(id: string): CardView | null {
		return this.#byId.get(id) ?? null;
	}

	/** Other people who have this card open right now. */
	viewersOf(cardId: string): BoardUser[] {
		return this.#viewers.get(cardId) ?? NO_ONE;
	}

	/** The shared description text, for `bindYText`. */
	description(cardId: string): Y.Text | null {
		return getDescription(this.doc, cardId);
	}

	/** Adds a card at the bottom of `stage`; returns its id, or null for an invalid title. */
	addCard(title: string, stage: Stage): string | null {
		const parsed = v.safeParse(CardTitle, title);
		if (!parsed.success) return null;
		const id = nanoid();
		const rank = rankForIndex(this.columns[stage], id, this.columns[stage].length);
		createCard(this.doc, { id, title: parsed.output, stage, rank, createdBy: this.user.id });
		return id;
	}

	rename(cardId: string, title: string): boolean {
		const parsed = v.safeParse(CardTitle, title);
		if (parsed.success) renameCard(this.doc, cardId, parsed.output);
		return parsed.success;
	}

	/** Puts the card at `index` of `stage` (index counted without the card itself). */
	move(cardId: string, stage: Stage, index: number): void {
		const column = this.columns[stage];
		if (column.findIndex((c) => c.id === cardId) === index) return; // already there
		moveCard(this.doc, cardId, stage, rankForIndex(column, cardId, index));
	}

	archive(cardId: string): void {
		setArchived(this.doc, cardId, true);
	}

	restore(cardId: string): void {
		setArchived(this.doc, cardId, false);
	}

	/** Tells the others which card this person is looking at (null: none). */
	openCard(cardId: string | null): void {
		this.openCardId = cardId;
		this.#awareness?.setLocalStateField('openCard', cardId);
	}

	destroy(): void {
		if (this.#destroyed) return;
		this.#destroyed = true;
		this.#leave(); // sent while the socket is still open, so the others see us go at once
		this.#connection?.destroy();
		this.#awareness?.destroy();
		if (typeof window !== 'undefined') {
			window.removeEventListener('pagehide', this.#leave);
			window.removeEventListener('pageshow', this.#rejoin);
		}
		cardsMap(this.doc).unobserveDeep(this.#mirror);
		this.doc.destroy();
	}

	#leave = () => {
		if (this.#awareness) removeAwarenessStates(this.#awareness, [this.doc.clientID], 'left');
	};

	#announceSelf(): void {
		const state: PresenceState = { user: this.user, openCard: this.openCardId };
		this.#awareness?.setLocalState(state);
	}

	// Back from the back/forward cache (after `pagehide` removed us): show up again.
	#rejoin = () => {
		if (this.#awareness?.getLocalState() === null) this.#announceSelf();
	};

	#mirror = () => {
		const cards = readCards(this.doc);
		const { columns, archived } = arrangeCards(cards);
		this.columns = columns;
		this.archived = archived;
		this.#byId = snapshot(cards.map((card) => [card.id, card]));
	};

	#readPresence = () => {
		const awareness = this.#awareness;
		if (!awareness) return;
		const { people, viewers } = readPresence(awareness.getStates(), this.user.id);
		this.people = people;
		this.#viewers = viewers;
	};
}

const NO_ONE: BoardUser[] = [];
const NO_VIEWERS: ReadonlyMap<string, BoardUser[]> = snapshot([]);
const NO_CARDS: ReadonlyMap<string, CardView> = snapshot([]);

function snapshot<V>(entries: [string, V][]): ReadonlyMap<string, V> {
	return new Map(entries);
}

const [getContext, setContext] = createContext<BoardSession>();

/** Makes the session available to every board component below the caller. */
export function setBoardSession(session: BoardSession): BoardSession {
	return setContext(session);
}

export function getBoardSession(): BoardSession {
	return getContext();
}
