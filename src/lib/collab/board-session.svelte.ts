import * as Y from 'yjs';
import * as v from 'valibot';
import { createContext } from 'svelte';
import { nanoid } from 'nanoid';
import type { Stage } from '#lib/domain/stages.ts';
import { rankForIndex } from '#lib/domain/ordering.ts';
import { CardTitle } from '#lib/domain/validation.ts';
import type { Missing } from '#lib/domain/method/gates.ts';
import { missingFor, moveWithGates, type MoveResult } from '#lib/board/gated-move.ts';
import { countLive, type WipCounts, type WipLimits } from '#lib/domain/method/wip-limits.ts';
import { liveCards, readWipLimits } from '#lib/board/wip-limits.ts';
import type { Actor, MethodCard } from '#lib/domain/method/types.ts';
import { cardsMap, getCard, getDescription, type CardView } from '#lib/board/schema.ts';
import { toMethodCard } from '#lib/board/card-sections.ts';
import { learningsText, microText } from '#lib/board/section-store.ts';
import { observeCardTexts } from '#lib/board/card-texts.ts';
import {
	objectivesMap,
	readObjectives,
	readSettings,
	settingsMap,
	type BoardSettings,
	type GlobalObjective
} from '#lib/board/board-settings.ts';
import { createCard, renameCard, setArchived } from '#lib/board/commands.ts';
import { createCardFromTemplate } from '#lib/board/template-commands.ts';
import { findTemplate } from '#lib/content/templates.ts';
import { templateCard, type TemplateLocale } from '#lib/domain/templates.ts';
import { localDate } from '#lib/domain/method/dates.ts';
import { CardEditor } from './card-editor.ts';
import { withFeed } from '#lib/board/feed.ts';
import {
	connectBoard,
	connectFeed,
	type BoardConnection,
	type CloseReason,
	type ConnectionStatus
} from './provider.ts';
import { BoardPresence } from './board-presence.svelte.ts';
import { openLocalCopy, type LocalCopy } from './local-copy.ts';
import { UnsentChanges } from './unsent.ts';
import { unsentHere } from './unsent-here.svelte.ts';
import type { BoardUser, StandupFocus } from './presence.ts';
import { arrangeCards, emptyColumns, rereadCards, rereadTouched, type Columns } from './columns.ts';

export interface BoardSessionOptions {
	boardId: string;
	user: BoardUser;
	/** Managers may force a move past an unmet gate, with a written reason. */
	canOverride?: boolean;
	/** Observers: the board syncs down, nothing can be changed (the server drops their writes anyway). */
	readOnly?: boolean;
	directory?: Directory;
	/** The board document's generation the page was served with (see sync/generations.ts). */
	generation?: number;
	/** The server carried this copy's changes over into a newer generation: the page loads that one. */
	onNewGeneration?: (generation: number) => void;
}

export interface Team {
	id: string;
	name: string;
	color: string;
}

/** The organisation's people and teams, to pick a card's owner and teams from. */
export interface Directory {
	members: BoardUser[];
	teams: Team[];
}

export type { MoveResult } from '#lib/board/gated-move.ts';

/**
 * One person's live view of one board: owns the Y.Doc, the sync connection and the awareness, and
 * mirrors the document into $state for the components. Safe to construct during SSR: nothing
 * touches the network (or starts a timer) until `connect()`, which only the browser calls.
 */
export class BoardSession {
	readonly boardId: string;
	readonly user: BoardUser;
	readonly canOverride: boolean;
	readonly readOnly: boolean;
	readonly directory: Directory;
	readonly doc = new Y.Doc();
	/** The board's feed: what only the server writes (comments, signals, help, flags, settings), synced down. */
	readonly feed = new Y.Doc();
	/** Edits of the cards' method sections. */
	readonly editor: CardEditor;

	/** Cards on the board, per stage, in rank order. */
	columns = $state.raw<Columns>(emptyColumns());
	/** Archived cards, most recently created first. */
	archived = $state.raw<CardView[]>([]);
	status = $state<ConnectionStatus>('connecting');
	/** True once the server's copy of the board has been received (again, after a reconnect). */
	synced = $state(false);
	/** True from the first sync on: before it, an empty column only means "not loaded yet". */
	loaded = $state(false);
	/** Local changes the server has not received yet (made offline, or before the sync). */
	unsent = $state(0);
	/** True once this browser keeps a copy of the board: unsent changes then survive closing the tab. */
	keptLocally = $state(false);
	/** Set when the server closed the connection for good; the session then stays offline. */
	closeReason = $state<CloseReason | null>(null);
	/** Who else is here and what they look at (see board-presence.svelte.ts). */
	readonly presence: BoardPresence;
	settings = $state.raw<BoardSettings>(readSettings(this.feed));
	objectives = $state.raw<GlobalObjective[]>([]);
	/** The board's limits of live initiatives per stage and per team (set in the settings). */
	wipLimits = $state.raw<WipLimits>(readWipLimits(this.feed));

	// An immutable snapshot, replaced whole on each change ($state.raw), hence no SvelteMap.
	#byId = $state.raw<ReadonlyMap<string, CardView>>(NO_CARDS);
	/** Live initiatives per stage and per team, as the limits count them. */
	readonly wipCounts: WipCounts = $derived(countLive(liveCards(this.#byId.values())));
	#connection: BoardConnection | null = null;
	#feedConnection: BoardConnection | null = null;
	#localCopy: LocalCopy | null = null;
	#unsent: UnsentChanges | null = null;
	#destroyed = false;
	#generation: number;
	#onNewGeneration: (generation: number) => void;
	/** Stops following the cards' texts (root-level, outside `cards`: see card-texts.ts). */
	#stopTexts: () => void;

	constructor({
		boardId,
		user,
		canOverride = false,
		readOnly = false,
		directory = { members: [], teams: [] },
		generation = 0,
		onNewGeneration = () => {}
	}: BoardSessionOptions) {
		this.#generation = generation;
		this.#onNewGeneration = onNewGeneration;
		this.boardId = boardId;
		this.user = user;
		this.readOnly = readOnly;
		this.canOverride = canOverride && !readOnly;
		this.directory = directory;
		this.editor = new CardEditor(this.doc, user.id);
		this.presence = new BoardPresence(this.doc, user);
		cardsMap(this.doc).observeDeep(this.#mirror);
		cardsMap(this.feed).observeDeep(this.#mirror);
		this.#stopTexts = observeCardTexts(this.doc, (ids) =>
			this.#show(rereadCards(this.doc, this.#byId, ids, this.#complete))
		);
		settingsMap(this.feed).observe(this.#mirrorBoard);
		objectivesMap(this.feed).observe(this.#mirrorBoard);
	}

	/** Starts syncing. Browser only; calling it twice is harmless. */
	connect(): void {
		if (this.#connection || this.#destroyed) return;
		// The copy in this browser first: offline, the board opens from it and stays editable.
		const copy = (this.#localCopy = openLocalCopy(this.doc, this.user.id, this.boardId));
		void copy.loaded.then((held) => {
			if (this.#destroyed) return;
			this.keptLocally = copy.holding;
			if (held) this.loaded = true;
		});
		this.#unsent = new UnsentChanges(
			this.doc,
			copy,
			() => this.#inStep(),
			(n) => (this.unsent = unsentHere.count = n)
		);
		void this.#connectBoard(copy);
		this.#feedConnection = connectFeed(this.feed, this.boardId);
	}

	/**
	 * Connects as the generation the copy in this browser holds, so that changes it keeps from an
	 * ended generation are carried over; a copy that holds nothing takes the page's.
	 */
	async #connectBoard(copy: LocalCopy): Promise<void> {
		const held = await copy.loaded;
		const generation = (await copy.readGeneration()) ?? (held ? 0 : this.#generation);
		if (this.#destroyed) return;
		copy.writeGeneration(generation);
		this.#connection = connectBoard(
			this.doc,
			this.presence.start(),
			{ boardId: this.boardId, generation },
			{
				onStatus: (status) => {
					this.status = status;
					// Back online on a socket that stayed open (no new sync): what it carried is the server's now.
					if (status === 'connected' && this.#inStep()) this.#unsent?.markInStep();
				},
				onSynced: (synced) => {
					this.synced = synced;
					if (synced) {
						this.loaded = true;
						this.#unsent?.markInStep();
					}
				},
				onClosed: (reason) => (this.closeReason = reason),
				onNewGeneration: (next) => this.#onNewGeneration(next)
			}
		);
	}

	card(id: string): CardView | null {
		return this.#byId.get(id) ?? null;
	}

	/** Other people on the board (not me, whatever number of tabs I have open). */
	get people(): BoardUser[] {
		return this.presence.people;
	}

	/** The card this person has open, shared with the others. */
	get openCardId(): string | null {
		return this.presence.openCardId;
	}

	/** Other people who have this card open right now. */
	viewersOf(cardId: string): BoardUser[] {
		return this.presence.viewersOf(cardId);
	}

	/** The card as the method's rules see it. */
	method(cardId: string): MethodCard | null {
		const card = this.card(cardId);
		return card ? toMethodCard(card.sections) : null;
	}

	/** The shared description text, for `bindYText`. */
	description(cardId: string): Y.Text | null {
		return getDescription(this.doc, cardId);
	}

	/** The shared note on one actor of the micro-environment, for `bindYText`. */
	microNote(cardId: string, actor: Actor): Y.Text | null {
		const card = getCard(this.doc, cardId);
		return card ? microText(card, actor) : null;
	}

	learnings(cardId: string): Y.Text | null {
		const card = getCard(this.doc, cardId);
		return card ? learningsText(card) : null;
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

	/** A new idea pre-filled from a template, in `locale`; its suggested rollout starts in a week. */
	addFromTemplate(templateId: string, locale: TemplateLocale): string | null {
		const template = findTemplate(templateId);
		if (!template) return null;
		const id = nanoid();
		const column = this.columns.ideas;
		const start = localDate(Date.now() + 7 * 86_400_000, this.settings.timeZone);
		const filled = templateCard(template, locale, start);
		const rank = rankForIndex(column, id, column.length);
		createCardFromTemplate(this.doc, { id, stage: 'ideas', rank, createdBy: this.user.id }, filled);
		return id;
	}

	rename(cardId: string, title: string): boolean {
		const parsed = v.safeParse(CardTitle, title);
		if (parsed.success) renameCard(this.doc, cardId, parsed.output);
		return parsed.success;
	}

	/** What a move of the card to `stage` would lack (empty: the gates let it through). */
	gateCheck(cardId: string, stage: Stage): Missing[] {
		const card = this.card(cardId);
		return card ? missingFor(card, stage, this.settings) : [];
	}

	/**
	 * Puts the card at `index` of `stage` (index counted without the card itself), if the gates
	 * crossed are met and no limit of live initiatives is full, or if a manager gives a reason to force them (recorded on the card).
	 */
	move(cardId: string, stage: Stage, index: number, overrideReason?: string): MoveResult {
		const card = this.card(cardId);
		if (!card) return { moved: true };
		const by = { id: this.user.id, canOverride: this.canOverride };
		const wip = { cards: liveCards(this.#byId.values()), limits: this.wipLimits };
		const column = this.columns[stage];
		return moveWithGates(this.doc, {
			card,
			to: stage,
			column,
			index,
			settings: this.settings,
			wip,
			by,
			overrideReason
		});
	}

	archive(cardId: string): void {
		setArchived(this.doc, cardId, true);
	}

	restore(cardId: string): void {
		setArchived(this.doc, cardId, false);
	}

	/** Tells the others which card this person is looking at (null: none). */
	openCard(cardId: string | null): void {
		this.presence.openCard(cardId);
	}

	/** A facilitator shows `cardId` of stand-up `standupId` to those following (null: stops showing). */
	showInStandup(focus: StandupFocus | null): void {
		this.presence.showInStandup(focus);
	}

	/** The stand-up card `userId` is showing right now, if they are showing one. */
	standupFocusOf(userId: string): StandupFocus | null {
		return this.presence.standupFocusOf(userId);
	}

	/** A stand-up someone on the board is leading right now (seen through presence), if any. */
	get liveStandupId(): string | null {
		return this.presence.liveStandupId;
	}

	destroy(): void {
		if (this.#destroyed) return;
		this.#destroyed = true;
		this.presence.leave(); // sent while the socket is still open, so the others see us go at once
		this.#connection?.destroy();
		this.#feedConnection?.destroy();
		this.#unsent?.destroy();
		unsentHere.count = 0;
		this.#localCopy?.destroy();
		this.presence.destroy();
		cardsMap(this.doc).unobserveDeep(this.#mirror);
		cardsMap(this.feed).unobserveDeep(this.#mirror);
		this.#stopTexts();
		settingsMap(this.feed).unobserve(this.#mirrorBoard);
		objectivesMap(this.feed).unobserve(this.#mirrorBoard);
		this.doc.destroy();
		this.feed.destroy();
	}

	// Only the cards a change touched are read again: typing in one card re-reads that card alone.
	// A change of a card's feed (a comment, a flag…) makes a new snapshot of it too, so what its
	// components derive from the feed is read again.
	#mirror = (events: Y.YEvent<Y.AbstractType<unknown>>[]) =>
		this.#show(rereadTouched(this.doc, this.#byId, events, this.#complete));

	#complete = (card: CardView) => withFeed(card, this.feed);

	#show(byId: ReadonlyMap<string, CardView>): void {
		if (byId === this.#byId) return;
		const { columns, archived } = arrangeCards([...byId.values()]);
		this.columns = columns;
		this.archived = archived;
		this.#byId = byId;
	}

	// Every update goes out at once on a synced, open socket (a browser that knows it is offline is not).
	#inStep(): boolean {
		const provider = this.#connection?.provider;
		return !!provider?.synced && provider.wsconnected && navigator.onLine !== false;
	}

	#mirrorBoard = () => {
		this.settings = readSettings(this.feed);
		this.objectives = readObjectives(this.feed);
		this.wipLimits = readWipLimits(this.feed);
	};
}

const NO_CARDS: ReadonlyMap<string, CardView> = new Map();

const [getContext, setContext] = createContext<BoardSession>();

/** Makes the session available to every board component below the caller. */
export function setBoardSession(session: BoardSession): BoardSession {
	return setContext(session);
}

export function getBoardSession(): BoardSession {
	return getContext();
}
