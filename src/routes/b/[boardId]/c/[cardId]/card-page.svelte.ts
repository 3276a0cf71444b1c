import { cardHref } from '#lib/components/board/links.ts';
import type { CardPage } from '#lib/components/card/card-page.ts';
import type { PageData } from './$types';

/** The card page as its components see it: this route's data, and its URLs spelled here once. */
export function cardPage(data: () => PageData): CardPage {
	// A string: the URLs below change only when another card opens, not on each reload of the data.
	const path = $derived(cardHref(data().board.id, data().cardId));
	return {
		get help() {
			return data().help;
		},
		get memberTeams() {
			return data().memberTeams;
		},
		get guestCompanies() {
			return data().guestCompanies;
		},
		get mayCreateTeams() {
			return data().mayCreateTeams;
		},
		get teamAdmins() {
			return data().teamAdmins;
		},
		action: (name) => `${path}?/${name}`,
		get followUrl() {
			return `${path}/follow`;
		},
		get activityUrl() {
			return `${path}/activity`;
		},
		commentVersionsUrl: (commentId) => `${path}/comments/${encodeURIComponent(commentId)}/versions`
	};
}
