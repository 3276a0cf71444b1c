import type { Db } from '../db/open.ts';
import { newId } from '../ids.ts';
import { commentText } from '#lib/board/comment-text.ts';
import { parseMentions } from '#lib/domain/mentions.ts';
import { routeNotifications, type NotificationSettings, type RoutedEvent } from '#lib/domain/notify.ts';
import { findBoardForUser } from './boards.ts';
import type { CardEvent } from './events.ts';
import { findHelp } from './help.ts';

type Recorded = Required<CardEvent> & { id: string };
const ROUTED = new Set(['comment', 'help', 'help-closed', 'check-in-due', 'check-in-missed', 'signal', 'moved']);

/**
 * Routes a card event to the people concerned. Called by recordEvent inside the event's own transaction
 * (`db` is that transaction): an event is never stored without its notifications, nor told twice.
 */
export async function notifyEvent(db: Db, event: Recorded): Promise<void> {
	const kind: string = event.kind; // also kinds other modules record later (help, check-in-due…)
	if (!ROUTED.has(kind)) return;
	const board = await db
		.selectFrom('board')
		.select(['id', 'organization_id'])
		.where('id', '=', event.boardId)
		.executeTakeFirst();
	if (!board) return;
	const card = await db
		.selectFrom('card')
		.select(['owner_id', 'title'])
		.where('id', '=', event.cardId)
		.where('board_id', '=', event.boardId)
		.executeTakeFirst();
	const routed: RoutedEvent = {
		kind: kind as RoutedEvent['kind'],
		actorId: event.actorId,
		card: { ownerId: card?.owner_id ?? null, followers: await listFollowers(db, event.cardId) }
	};
	const data: Record<string, unknown> = { title: card?.title ?? '' };
	if (kind === 'comment' || kind === 'help') {
		const comment = await readComment(db, event);
		if (!comment && kind === 'comment') return;
		const text = comment?.body ?? String(event.data.text ?? '');
		routed.mentions = await mentionedPeople(db, board.organization_id, text);
		routed.parentAuthorId = comment?.parentAuthorId ?? null;
		if (typeof event.data.teamId === 'string') routed.teamMembers = await teamMembers(db, event.data.teamId);
		data.excerpt = excerptOf(commentText(comment?.body ?? String(event.data.excerpt ?? text)));
		data.commentId = comment?.id ?? null;
		if (comment) await followAutomatically(db, comment.authorId, event.boardId, event.cardId);
	}
	if (event.kind === 'help-closed') Object.assign(data, await closedHelpFacts(db, event, routed));
	if (event.kind === 'check-in-due' || event.kind === 'check-in-missed')
		Object.assign(data, { date: event.data.date, missed: event.kind === 'check-in-missed' });
	if (event.kind === 'moved') Object.assign(data, { from: event.data.from, to: event.data.to });
	const settings = await settingsByUser(db);
	for (const { userId, kind: notified } of routeNotifications(routed, (id) => settings.get(id))) {
		// Nobody hears about a board they may not open (a restricted board, a guest, someone who left).
		if (!(await findBoardForUser(db, event.boardId, userId))) continue;
		await db
			.insertInto('notification')
			.values({
				id: newId(),
				user_id: userId,
				kind: notified,
				board_id: event.boardId,
				card_id: event.cardId,
				actor_id: event.actorId,
				data: JSON.stringify(data),
				created_at: event.at
			})
			.execute();
	}
}

/** Who asked for the help that closed (set on `routed`), and the question's excerpt unless deleted since. */
async function closedHelpFacts(db: Db, event: Recorded, routed: RoutedEvent) {
	const request = typeof event.data.commentId === 'string' ? await findHelp(db, event.data.commentId) : null;
	routed.askerId = request?.askerId ?? null;
	const question = request
		? await db
				.selectFrom('comment')
				.select('body')
				.where('id', '=', request.commentId)
				.where('deleted_at', 'is', null)
				.executeTakeFirst()
		: undefined;
	return {
		excerpt: excerptOf(commentText(question?.body ?? '')),
		commentId: request?.commentId ?? null,
		by: event.data.by
	};
}

async function readComment(db: Db, event: Recorded) {
	if (typeof event.data.commentId !== 'string') return null;
	const row = await db
		.selectFrom('comment')
		.select(['id', 'body', 'author_id', 'parent_id'])
		.where('id', '=', event.data.commentId)
		.where('card_id', '=', event.cardId)
		.executeTakeFirst();
	if (!row) return null;
	const parent = row.parent_id
		? await db.selectFrom('comment').select('author_id').where('id', '=', row.parent_id).executeTakeFirst()
		: undefined;
	return { id: row.id, body: row.body, authorId: row.author_id, parentAuthorId: parent?.author_id ?? null };
}

/** The people a text mentions, each member of a mentioned team included. Guests cannot be mentioned. */
async function mentionedPeople(db: Db, organizationId: string, text: string): Promise<string[]> {
	if (!text.includes('@')) return [];
	const { people, teams } = await listMentionDirectory(db, organizationId);
	const found = parseMentions(text, { people, teams });
	const members = await Promise.all(found.teamIds.map((id) => teamMembers(db, id)));
	return [...new Set([...found.userIds, ...members.flat()])];
}

/** Who may be mentioned in an organisation: its members (not guests) and its teams. */
export async function listMentionDirectory(db: Db, organizationId: string) {
	const people = await db
		.selectFrom('membership')
		.innerJoin('user', 'user.id', 'membership.user_id')
		.select(['user.id', 'user.name'])
		.where('membership.organization_id', '=', organizationId)
		.where('membership.role', '!=', 'guest')
		.orderBy('user.name')
		.execute();
	const teams = await db
		.selectFrom('team')
		.select(['id', 'name'])
		.where('organization_id', '=', organizationId)
		.orderBy('name')
		.execute();
	return { people, teams };
}

async function teamMembers(db: Db, teamId: string): Promise<string[]> {
	const rows = await db.selectFrom('team_member').select('user_id').where('team_id', '=', teamId).execute();
	return rows.map((r) => r.user_id);
}

function excerptOf(text: string): string {
	const flat = text.replace(/\s+/g, ' ').trim();
	return flat.length > 140 ? flat.slice(0, 139) + '…' : flat;
}

async function settingsByUser(db: Db): Promise<Map<string, NotificationSettings>> {
	const rows = await db.selectFrom('notification_setting').selectAll().where('enabled', '=', 0).execute();
	const map = new Map<string, NotificationSettings>();
	for (const row of rows) map.set(row.user_id, { ...map.get(row.user_id), [row.kind]: false });
	return map;
}

// Following

/** Everyone following a card: explicit followers, and its owner unless they unfollowed. */
export async function listFollowers(db: Db, cardId: string): Promise<string[]> {
	const rows = await db
		.selectFrom('card_follow')
		.select(['user_id', 'following'])
		.where('card_id', '=', cardId)
		.execute();
	const card = await db.selectFrom('card').select('owner_id').where('id', '=', cardId).executeTakeFirst();
	const followers = new Set(rows.filter((r) => r.following === 1).map((r) => r.user_id));
	const ownerLeft = rows.some((r) => r.user_id === card?.owner_id && r.following === 0);
	if (card?.owner_id && !ownerLeft) followers.add(card.owner_id);
	return [...followers];
}

export async function isFollowing(db: Db, userId: string, cardId: string): Promise<boolean> {
	return (await listFollowers(db, cardId)).includes(userId);
}

/** Follow or unfollow; an unfollow is remembered so that commenting or owning does not undo it. */
export async function setFollowing(db: Db, userId: string, boardId: string, cardId: string, following: boolean) {
	const value = following ? 1 : 0;
	await db
		.insertInto('card_follow')
		.values({ user_id: userId, card_id: cardId, board_id: boardId, following: value })
		.onConflict((oc) => oc.columns(['user_id', 'card_id']).doUpdateSet({ following: value }))
		.execute();
}

/** Commenters follow the card, unless they once unfollowed it. */
async function followAutomatically(db: Db, userId: string, boardId: string, cardId: string) {
	await db
		.insertInto('card_follow')
		.values({ user_id: userId, card_id: cardId, board_id: boardId, following: 1 })
		.onConflict((oc) => oc.columns(['user_id', 'card_id']).doNothing())
		.execute();
}
