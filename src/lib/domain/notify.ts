/**
 * Who hears about what happened on a card. Pure: the notifications service gathers the facts (mentioned
 * people with teams already expanded, followers, the author replied to) and this decides.
 */

export const NOTIFICATION_KINDS = ['mention', 'reply', 'help', 'help-closed', 'check-in', 'signal', 'stage'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export type RoutedEventKind =
	'comment' | 'help' | 'help-closed' | 'check-in-due' | 'check-in-missed' | 'signal' | 'moved';

export interface RoutedEvent {
	kind: RoutedEventKind;
	actorId: string | null;
	card: {
		ownerId: string | null;
		/** Everyone following the card now (the owner included unless they unfollowed). */
		followers: string[];
	};
	/** People mentioned, each member of a mentioned team included. */
	mentions?: string[];
	/** The author of the comment being answered. */
	parentAuthorId?: string | null;
	/** The members of the team asked for help. */
	teamMembers?: string[];
	/** Who asked for the help whose request just closed. */
	askerId?: string | null;
}

/** Per person, the kinds they switched off (missing = on). */
export type NotificationSettings = Partial<Record<NotificationKind, boolean>>;

export interface Recipient {
	userId: string;
	kind: NotificationKind;
}

/** Most specific first: a person mentioned in a reply to their own comment hears "mention". */
const SPECIFICITY: Record<NotificationKind, number> = {
	mention: 0,
	reply: 1,
	help: 2,
	'help-closed': 3,
	'check-in': 4,
	signal: 5,
	stage: 6
};

export function routeNotifications(
	event: RoutedEvent,
	settingsOf: (userId: string) => NotificationSettings | undefined = () => undefined
): Recipient[] {
	const best = new Map<string, NotificationKind>();
	const offer = (userIds: Iterable<string | null | undefined>, kind: NotificationKind) => {
		for (const userId of userIds) {
			if (!userId || userId === event.actorId) continue;
			const held = best.get(userId);
			if (!held || SPECIFICITY[kind] < SPECIFICITY[held]) best.set(userId, kind);
		}
	};
	switch (event.kind) {
		case 'comment':
			offer(event.mentions ?? [], 'mention');
			offer([event.parentAuthorId], 'reply');
			break;
		case 'help':
			offer(event.mentions ?? [], 'mention');
			offer(event.teamMembers ?? [], 'help');
			break;
		case 'help-closed': // the asker, unless they closed it themselves (the actor never hears)
			offer([event.askerId], 'help-closed');
			break;
		case 'check-in-due':
		case 'check-in-missed':
			offer([event.card.ownerId], 'check-in');
			break;
		case 'signal':
			offer([event.card.ownerId, ...event.card.followers], 'signal');
			break;
		case 'moved':
			offer(event.card.followers, 'stage');
			break;
	}
	return [...best]
		.filter(([userId, kind]) => settingsOf(userId)?.[kind] !== false)
		.map(([userId, kind]) => ({ userId, kind }));
}
