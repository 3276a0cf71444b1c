import { putComment, type CommentRecord } from '#lib/board/comments.ts';
import { getCard } from '#lib/board/schema.ts';
import type { Db } from '../db/open.ts';
import type { ConversationTables } from '../db/schema.ts';
import { newId } from '../ids.ts';
import type { BoardDeps } from '../deps.ts';
import { recordEvent } from './events.ts';

/**
 * Comments on cards. The comment table is the truth (and keeps earlier versions); each write then
 * mirrors the comment's current state into the board's live feed document, so every open board shows
 * it at once, and lands in the card's event log. Callers check access first (see the card page's actions).
 */

export type CommentRow = ConversationTables['comment'];

export const EXCERPT_LENGTH = 140;

export function findComment(db: Db, commentId: string): Promise<CommentRow | undefined> {
	return db.selectFrom('comment').selectAll().where('id', '=', commentId).executeTakeFirst();
}

/** Earlier bodies of a comment, newest first. */
export function listCommentVersions(db: Db, commentId: string): Promise<{ body: string; replacedAt: number }[]> {
	return db
		.selectFrom('comment_version')
		.select(['body', 'replaced_at as replacedAt'])
		.where('comment_id', '=', commentId)
		.orderBy('replaced_at', 'desc')
		.execute();
}

export interface NewComment {
	boardId: string;
	cardId: string;
	authorId: string;
	/** The comment answered; a reply to a reply joins the same thread (one level). */
	parentId: string | null;
	body: string;
}

/** Adds a comment; null when the card (or the parent comment on it) does not exist. */
export async function addComment(deps: BoardDeps, input: NewComment): Promise<string | null> {
	const { db } = deps;
	const room = await deps.sync.openRoom(input.boardId);
	if (!getCard(room.doc, input.cardId)) return null;
	let parentId: string | null = null;
	if (input.parentId) {
		const parent = await findComment(db, input.parentId);
		if (!parent || parent.card_id !== input.cardId || parent.board_id !== input.boardId) return null;
		parentId = parent.parent_id ?? parent.id;
	}
	const id = newId();
	// Strictly after the card's latest comment, so a conversation reads in the order it was written even
	// when two comments land in the same millisecond (their ids would otherwise decide).
	const latest = await db
		.selectFrom('comment')
		.select((eb) => eb.fn.max('created_at').as('at'))
		.where('card_id', '=', input.cardId)
		.executeTakeFirst();
	const now = Math.max(Date.now(), Number(latest?.at ?? 0) + 1);
	const row: CommentRow = {
		id,
		board_id: input.boardId,
		card_id: input.cardId,
		parent_id: parentId,
		author_id: input.authorId,
		body: input.body,
		created_at: now,
		edited_at: null,
		deleted_at: null
	};
	await db.insertInto('comment').values(row).execute();
	await mirror(deps, input.authorId, row);
	await logEvent(db, 'comment', input.authorId, row);
	return id;
}

/** Replaces a comment's body, keeping the previous one; false when it is gone (or deleted). */
export async function editComment(deps: BoardDeps, comment: CommentRow, userId: string, body: string) {
	if (comment.deleted_at !== null) return false;
	const now = Date.now();
	const row: CommentRow = { ...comment, body, edited_at: now };
	await deps.db.transaction().execute(async (trx) => {
		await trx
			.insertInto('comment_version')
			.values({ comment_id: comment.id, body: comment.body, replaced_at: now })
			.execute();
		await trx.updateTable('comment').set({ body, edited_at: now }).where('id', '=', comment.id).execute();
	});
	await mirror(deps, userId, row);
	await logEvent(deps.db, 'comment-edited', userId, row);
	return true;
}

/** Deletes a comment: a placeholder stays (the thread keeps its shape), the body is cleared. */
export async function deleteComment(deps: BoardDeps, comment: CommentRow, userId: string) {
	if (comment.deleted_at !== null) return false;
	const row: CommentRow = { ...comment, deleted_at: Date.now() };
	await deps.db.updateTable('comment').set({ deleted_at: row.deleted_at }).where('id', '=', comment.id).execute();
	await mirror(deps, userId, row);
	await logEvent(deps.db, 'comment-deleted', userId, row);
	return true;
}

/** What the feed shows of a comment: a deleted one keeps no text. */
export function toRecord(row: CommentRow): CommentRecord {
	const deleted = row.deleted_at !== null;
	return {
		parentId: row.parent_id,
		authorId: row.author_id,
		body: deleted ? '' : row.body,
		createdAt: row.created_at,
		editedAt: row.edited_at,
		deleted
	};
}

async function mirror(deps: Pick<BoardDeps, 'sync'>, userId: string, row: CommentRow): Promise<void> {
	const feed = await deps.sync.openFeed(row.board_id);
	await feed.write(userId, (doc) => putComment(doc, row.card_id, row.id, toRecord(row)));
}

function logEvent(db: Db, kind: 'comment' | 'comment-edited' | 'comment-deleted', actorId: string, row: CommentRow) {
	const excerpt = row.deleted_at === null ? row.body.slice(0, EXCERPT_LENGTH) : '';
	return recordEvent(db, {
		boardId: row.board_id,
		cardId: row.card_id,
		kind,
		actorId,
		data: { commentId: row.id, parentId: row.parent_id, excerpt }
	});
}

/** The teams of each member of the organisation (person id → team ids): the cross-team badge. */
export async function listMemberTeams(db: Db, organizationId: string): Promise<Record<string, string[]>> {
	const rows = await db
		.selectFrom('team_member')
		.innerJoin('team', 'team.id', 'team_member.team_id')
		.select(['team_member.user_id as userId', 'team.id as teamId'])
		.where('team.organization_id', '=', organizationId)
		.execute();
	const teams: Record<string, string[]> = {};
	for (const { userId, teamId } of rows) (teams[userId] ??= []).push(teamId);
	return teams;
}
