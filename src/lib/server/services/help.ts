import { putOpenHelp } from '#lib/board/help.ts';
import type { Db } from '../db/open.ts';
import type { BoardDeps } from '../deps.ts';
import { recordEvent } from './events.ts';

/**
 * Help asked of another team on a card. The question is a plain comment; a 'help' card event
 * {commentId, teamId} makes it a request, and a later 'help-closed' {commentId, by} ends it: a reply
 * by a member of that team ('answer') or the asker closing it ('asker').
 */

export interface HelpRequest {
	commentId: string;
	cardId: string;
	boardId: string;
	teamId: string;
	askerId: string | null;
	askedAt: number;
	open: boolean;
	closedBy: 'answer' | 'asker' | null;
}

type EventRow = {
	board_id: string;
	card_id: string;
	kind: string;
	actor_id: string | null;
	data: string;
	created_at: number;
};

/** Requests in the order asked; then their closings, whatever their time (only the first one counts). */
function fold(rows: EventRow[]): HelpRequest[] {
	const requests = new Map<string, HelpRequest>();
	const parsed = rows.map((row) => ({ row, data: JSON.parse(row.data) as Record<string, unknown> }));
	for (const { row, data } of parsed) {
		if (row.kind !== 'help' || typeof data.commentId !== 'string' || typeof data.teamId !== 'string') continue;
		requests.set(data.commentId, {
			commentId: data.commentId,
			cardId: row.card_id,
			boardId: row.board_id,
			teamId: data.teamId,
			askerId: row.actor_id,
			askedAt: row.created_at,
			open: true,
			closedBy: null
		});
	}
	for (const { row, data } of parsed) {
		const request = row.kind === 'help-closed' && typeof data.commentId === 'string' && requests.get(data.commentId);
		if (request && request.open) {
			request.open = false;
			request.closedBy = data.by === 'answer' ? 'answer' : 'asker';
		}
	}
	return [...requests.values()];
}

function helpEvents(db: Db) {
	return (
		db
			.selectFrom('card_event')
			.select(['board_id', 'card_id', 'kind', 'actor_id', 'data', 'created_at'])
			.where('kind', 'in', ['help', 'help-closed'])
			.orderBy('created_at', 'asc')
			// Within one millisecond: a request ('help') before its closing ('help-closed'), then a stable order.
			.orderBy('kind', 'asc')
			.orderBy('id', 'asc')
	);
}

/** Every help request on a board's card, open or closed, oldest first (by board and card together). */
export async function listCardHelp(db: Db, boardId: string, cardId: string): Promise<HelpRequest[]> {
	return fold(await helpEvents(db).where('board_id', '=', boardId).where('card_id', '=', cardId).execute());
}

/** Every help request on a board's cards, open or closed, oldest first. */
export async function listBoardHelp(db: Db, boardId: string): Promise<HelpRequest[]> {
	return fold(await helpEvents(db).where('board_id', '=', boardId).execute());
}

/** The requests still open for a team (its notifications, later its stand-up). */
export async function listOpenHelpForTeam(db: Db, teamId: string): Promise<HelpRequest[]> {
	return fold(await helpEvents(db).execute()).filter((r) => r.open && r.teamId === teamId);
}

export async function findHelp(db: Db, commentId: string): Promise<HelpRequest | null> {
	const rows = await helpEvents(db).where('data', 'like', `%"commentId":"${commentId}"%`).execute();
	return fold(rows).find((r) => r.commentId === commentId) ?? null;
}

/** Marks `commentId` (a comment just written) as a help request to `teamId`. */
export async function askHelp(
	db: Db,
	input: { boardId: string; cardId: string; askerId: string; commentId: string; teamId: string; excerpt: string }
): Promise<void> {
	// Strictly after the card's latest request, so its requests list in the order asked even within one
	// millisecond, on any database (no insertion order to fall back on).
	const latest = await db
		.selectFrom('card_event')
		.select((eb) => eb.fn.max('created_at').as('at'))
		.where('card_id', '=', input.cardId)
		.where('kind', '=', 'help')
		.executeTakeFirst();
	await recordEvent(db, {
		at: Math.max(Date.now(), Number(latest?.at ?? 0) + 1),
		boardId: input.boardId,
		cardId: input.cardId,
		kind: 'help',
		actorId: input.askerId,
		data: { commentId: input.commentId, teamId: input.teamId, status: 'open', excerpt: input.excerpt }
	});
}

export async function closeHelp(
	db: Db,
	request: HelpRequest,
	userId: string,
	by: 'answer' | 'asker'
): Promise<boolean> {
	if (!request.open) return false;
	await recordEvent(db, {
		boardId: request.boardId,
		cardId: request.cardId,
		kind: 'help-closed',
		actorId: userId,
		data: { commentId: request.commentId, by }
	});
	return true;
}

/** After a reply: when it answers an open request and its author is of the asked team, closes it. */
export async function closeAnsweredHelp(db: Db, replyId: string): Promise<boolean> {
	const reply = await db
		.selectFrom('comment')
		.select(['parent_id', 'author_id'])
		.where('id', '=', replyId)
		.executeTakeFirst();
	if (!reply?.parent_id) return false;
	const request = await findHelp(db, reply.parent_id);
	if (!request?.open) return false;
	const member = await db
		.selectFrom('team_member')
		.select('user_id')
		.where('team_id', '=', request.teamId)
		.where('user_id', '=', reply.author_id)
		.executeTakeFirst();
	return member ? closeHelp(db, request, reply.author_id, 'answer') : false;
}

/** Mirrors the card's open requests into the board's live feed (the card face's badge). */
export async function mirrorOpenHelp(deps: BoardDeps, boardId: string, cardId: string, userId: string): Promise<void> {
	const open = (await listCardHelp(deps.db, boardId, cardId)).filter((r) => r.open).map((r) => r.teamId);
	const feed = await deps.sync.openFeed(boardId);
	await feed.write(userId, (doc) => putOpenHelp(doc, cardId, open));
}
