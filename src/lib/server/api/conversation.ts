import * as v from 'valibot';
import { cardComments, CommentBody } from '#lib/board/comments.ts';
import { cardSignals } from '#lib/board/signals.ts';
import type { CardView } from '#lib/board/schema.ts';
import { CheckInInput } from '#lib/domain/method/schemas.ts';
import { ID_PATTERN, isId } from '#lib/domain/validation.ts';
import type { ApiCaller } from '../auth/api-tokens.ts';
import type { BoardDeps } from '../deps.ts';
import { hit, RATE_LIMITS } from '../rate-limit.ts';
import { MemberSignalInput } from '../services/member-signals.ts';
import { readLiveCard } from './cards.ts';
import { ApiFailure, notFound } from './respond.ts';

/** The inputs and views of a card's comments, check-ins and signals, for the API. */

export const NewCommentInput = v.object({
	body: CommentBody,
	parentId: v.optional(v.nullable(v.pipe(v.string(), v.regex(ID_PATTERN, 'Not a comment id'))), null)
});
export { CheckInInput, MemberSignalInput as SignalInput };

const iso = (ms: number) => new Date(ms).toISOString();

/** The live card, or 404. */
export async function requireCard(deps: Pick<BoardDeps, 'sync'>, boardId: string, cardId: string): Promise<CardView> {
	const card = isId(cardId) ? await readLiveCard(deps, boardId, cardId) : null;
	if (!card) throw notFound();
	return card;
}

/** Comments count against the same per-person limit as on the card page. */
export async function limitComments(deps: Pick<BoardDeps, 'db'>, caller: ApiCaller): Promise<void> {
	const verdict = await hit(deps.db, RATE_LIMITS.commentsPerUser, caller.userId);
	if (verdict.ok) return;
	const seconds = String(Math.ceil(verdict.retryAfterMs / 1000));
	throw new ApiFailure(429, 'rate_limited', `Too many comments; retry in ${seconds} s.`, {
		headers: { 'Retry-After': seconds }
	});
}

export async function listComments(deps: Pick<BoardDeps, 'sync'>, boardId: string, cardId: string) {
	const feed = await deps.sync.openFeed(boardId);
	return cardComments(feed.doc, cardId)
		.filter((c) => !c.deleted)
		.map((c) => ({
			id: c.id,
			parentId: c.parentId,
			authorId: c.authorId,
			body: c.body,
			createdAt: iso(c.createdAt),
			editedAt: c.editedAt === null ? null : iso(c.editedAt)
		}));
}

export function listCheckIns(card: CardView) {
	return card.sections.checkIns.map(({ id, date, value, confidence, note, shared, by, at }) => ({
		id,
		date,
		value,
		confidence,
		note,
		shared: shared ?? false,
		by,
		recordedAt: iso(at)
	}));
}

export async function listSignals(deps: Pick<BoardDeps, 'sync'>, boardId: string, cardId: string) {
	const feed = await deps.sync.openFeed(boardId);
	return cardSignals(feed.doc, cardId).map((s) => ({ ...s, at: iso(s.at) }));
}
