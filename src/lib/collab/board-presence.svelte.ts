import type * as Y from 'yjs';
import { Awareness, removeAwarenessStates } from 'y-protocols/awareness';
import { readPresence, type BoardUser, type PresenceState, type StandupFocus } from './presence.ts';

/**
 * Who else is on the board and what they look at: the awareness of one person's session, mirrored
 * into $state (people here, viewers per card, the stand-up card a facilitator shows). Nothing starts
 * before `start()`, which only the browser calls; the page leaving (or coming back from the
 * back/forward cache) takes the person off (or back on) the others' screens.
 */
export class BoardPresence {
	/** Other people on the board (not me, whatever number of tabs I have open). */
	people = $state.raw<BoardUser[]>([]);
	/** The card this person has open, shared with the others. */
	openCardId = $state<string | null>(null);

	// Immutable snapshots, replaced whole on each change ($state.raw), hence no SvelteMap.
	#viewers = $state.raw<ReadonlyMap<string, BoardUser[]>>(NO_VIEWERS);
	#focus = $state.raw<ReadonlyMap<string, StandupFocus>>(NO_FOCUS);
	#shownInStandup: StandupFocus | null = null;
	#doc: Y.Doc;
	#user: BoardUser;
	#awareness: Awareness | null = null;

	constructor(doc: Y.Doc, user: BoardUser) {
		this.#doc = doc;
		this.#user = user;
	}

	/** The awareness to sync with the board's document; made once. Browser only. */
	start(): Awareness {
		if (this.#awareness) return this.#awareness;
		const awareness = new Awareness(this.#doc);
		awareness.on('change', this.#read);
		this.#awareness = awareness;
		this.#announceSelf();
		window.addEventListener('pagehide', this.leave);
		window.addEventListener('pageshow', this.#rejoin);
		return awareness;
	}

	viewersOf(cardId: string): BoardUser[] {
		return this.#viewers.get(cardId) ?? NO_ONE;
	}

	openCard(cardId: string | null): void {
		this.openCardId = cardId;
		this.#awareness?.setLocalStateField('openCard', cardId);
	}

	showInStandup(focus: StandupFocus | null): void {
		this.#shownInStandup = focus;
		this.#awareness?.setLocalStateField('standup', focus);
	}

	standupFocusOf(userId: string): StandupFocus | null {
		return this.#focus.get(userId) ?? null;
	}

	get liveStandupId(): string | null {
		for (const focus of this.#focus.values()) return focus.standupId;
		return null;
	}

	/** Takes this person off the others' screens (sent while the socket is still open). */
	leave = () => {
		if (this.#awareness) removeAwarenessStates(this.#awareness, [this.#doc.clientID], 'left');
	};

	destroy(): void {
		this.#awareness?.destroy();
		if (typeof window !== 'undefined') {
			window.removeEventListener('pagehide', this.leave);
			window.removeEventListener('pageshow', this.#rejoin);
		}
	}

	#announceSelf(): void {
		const state: PresenceState = { user: this.#user, openCard: this.openCardId, standup: this.#shownInStandup };
		this.#awareness?.setLocalState(state);
	}

	// Back from the back/forward cache (after `pagehide` removed us): show up again.
	#rejoin = () => {
		if (this.#awareness?.getLocalState() === null) this.#announceSelf();
	};

	#read = () => {
		const awareness = this.#awareness;
		if (!awareness) return;
		const { people, viewers, focus } = readPresence(awareness.getStates(), this.#user.id);
		this.people = people;
		this.#viewers = viewers;
		this.#focus = focus;
	};
}

const NO_ONE: BoardUser[] = [];
const NO_VIEWERS: ReadonlyMap<string, BoardUser[]> = new Map();
const NO_FOCUS: ReadonlyMap<string, StandupFocus> = new Map();
