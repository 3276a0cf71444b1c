import { createContext } from 'svelte';

/** The card page's form actions (see its +page.server.ts). */
export type CardAction =
	'comment' | 'reply' | 'edit' | 'delete' | 'askHelp' | 'closeHelp' | 'convertSignal' | 'recordSignal' | 'createTeam';

/** One help request of the open card, as the card page's load lists it. */
export interface CardHelp {
	commentId: string;
	teamId: string;
	askerId: string | null;
	open: boolean;
	closedBy: 'answer' | 'asker' | null;
}

/**
 * What the card's components need from the card route: what its load read, and where to post.
 * The route builds it, so no component spells a route URL or reads `page.data`; it follows the open card.
 */
export interface CardPage {
	/** The card's help requests, open or closed (reloaded after each form). */
	readonly help: readonly CardHelp[];
	/** Person id → team ids (for the cross-team badge on comments). */
	readonly memberTeams: Readonly<Record<string, readonly string[]>>;
	/** The organisation's guest companies, that a card can be shared with. */
	readonly guestCompanies: readonly string[];
	/** Whether this person may create the organisation's teams (owners and managers). */
	readonly mayCreateTeams: boolean;
	/** The owners' and managers' names: who to ask for a team. */
	readonly teamAdmins: readonly string[];
	/** The URL a form posts to for one of the page's actions. */
	action(name: CardAction): string;
	/** GET: whether this person follows the card; POST: follow or stop. */
	readonly followUrl: string;
	/** GET: the card's history from the server's log. */
	readonly activityUrl: string;
	/** GET: a comment's earlier versions. */
	commentVersionsUrl(commentId: string): string;
}

export const [getCardPage, setCardPage] = createContext<CardPage>();
