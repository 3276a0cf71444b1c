import { createContext } from 'svelte';

/** The card page's form actions (see its +page.server.ts). */
export type CardAction =
	'comment' | 'reply' | 'edit' | 'delete' | 'askHelp' | 'closeHelp' | 'convertSignal' | 'recordSignal';

/**
 * What the card's components need from the card route: where to post.
 * The route builds it, so no component spells a route URL; it follows the open card.
 */
export interface CardPage {
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
