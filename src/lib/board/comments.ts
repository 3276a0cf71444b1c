import * as v from 'valibot';
import * as Y from 'yjs';
import { ID_PATTERN } from '#lib/domain/validation.ts';
import { feedCollection } from './feed.ts';
import { getCard } from './schema.ts';

/**
 * The feed's mirror of a card's comments (see feed.ts): a collection `comments` (a Y.Map of id →
 * record, each record replaced whole) on the card's feed entry. Only the server writes it, after the
 * comment table (the source of truth, which also keeps earlier versions). Every read validates.
 * `doc` below is the board's feed document.
 */

export const COMMENTS = 'comments';
export const COMMENT_BODY_MAX = 5_000;

/** What a person types: trimmed, not empty. */
export const CommentBody = v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(COMMENT_BODY_MAX));

const CommentRecord = v.object({
	parentId: v.nullable(v.pipe(v.string(), v.regex(ID_PATTERN))),
	authorId: v.pipe(v.string(), v.regex(ID_PATTERN)),
	/** '' once deleted. */
	body: v.pipe(v.string(), v.maxLength(COMMENT_BODY_MAX)),
	createdAt: v.pipe(v.number(), v.finite()),
	editedAt: v.nullable(v.pipe(v.number(), v.finite())),
	deleted: v.boolean()
});
export type CommentRecord = v.InferOutput<typeof CommentRecord>;
export type Comment = CommentRecord & { id: string };
/** A top-level comment and its replies (one level), oldest first. */
export type CommentThread = Comment & { replies: Comment[] };

/** The card's valid comments, oldest first. */
export function readComments(card: Y.Map<unknown>): Comment[] {
	const map = card.get(COMMENTS);
	if (!(map instanceof Y.Map)) return [];
	const comments: Comment[] = [];
	for (const [id, value] of map.entries()) {
		const parsed = v.safeParse(CommentRecord, value);
		if (parsed.success && ID_PATTERN.test(id)) comments.push({ ...parsed.output, id });
	}
	return comments.sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1));
}

export function cardComments(doc: Y.Doc, cardId: string): Comment[] {
	const card = getCard(doc, cardId);
	return card ? readComments(card) : [];
}

/** Comments still standing (the card face's count). */
export function commentCount(doc: Y.Doc, cardId: string): number {
	return cardComments(doc, cardId).filter((c) => !c.deleted).length;
}

/** Top-level comments with their replies; a reply whose parent is missing stands on its own. */
export function threads(comments: Comment[]): CommentThread[] {
	const tops = new Map<string, CommentThread>();
	for (const c of comments) if (!c.parentId) tops.set(c.id, { ...c, replies: [] });
	const out = [...tops.values()];
	for (const c of comments) {
		if (!c.parentId) continue;
		const parent = tops.get(c.parentId);
		if (parent) parent.replies.push(c);
		else out.push({ ...c, replies: [] });
	}
	return out.sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1));
}

/** Writes a comment's current state (server side; the caller checked the card). False when malformed. */
export function putComment(feed: Y.Doc, cardId: string, id: string, record: CommentRecord): boolean {
	if (!v.safeParse(CommentRecord, record).success) return false;
	feed.transact(() => feedCollection(feed, cardId, COMMENTS).set(id, record));
	return true;
}
