import { can } from '#lib/domain/permissions.ts';
import { compareRanked } from '#lib/domain/ordering.ts';
import { stageIndex } from '#lib/domain/stages.ts';
import { isSharedWith, parseAudience } from '#lib/board/sharing.ts';
import { getCard } from '#lib/board/schema.ts';
import { addSignal, type SignalKind } from '#lib/board/signals.ts';
import type { Db } from '../db/open.ts';
import { newId } from '../ids.ts';
import { findRoleForBoard } from './boards.ts';
import { recordEvent } from './events.ts';
import type { BoardDeps } from '../deps.ts';
import type { GuestView } from '#lib/domain/guest-view.ts';
import { parseGuestView } from '../projection/guest-view.ts';

/**
 * The guest portal: the cards shared with a guest, read from the projection (`card.shared_with`,
 * `card.guest_view`), never from a board's document. A guest sees a card when it is shared with every
 * guest of the organisation or with their company; anything else does not exist for them (404).
 */

export interface PortalCard {
	id: string;
	view: GuestView;
}

export interface PortalBoard {
	id: string;
	name: string;
	organizationName: string;
	/** The guest's company there (null for a guest without one). */
	company: string | null;
	/** By stage, then in board order. */
	cards: PortalCard[];
}

/** Whether the person is a guest somewhere, i.e. may use the portal at all. */
export async function hasGuestSeat(db: Db, userId: string): Promise<boolean> {
	const roles = await db.selectFrom('membership').select('role').where('user_id', '=', userId).execute();
	return roles.some((r) => can(r.role, 'portal.use'));
}

/** The boards with cards shared with this guest, by name, each with those cards. */
export function listPortalBoards(db: Db, userId: string): Promise<PortalBoard[]> {
	return sharedCards(db, userId, null);
}

/**
 * Whether the person keeps a guest seat in the organisation of the board: their open portal of that
 * board keeps following it then, even while nothing of it is shared with them.
 */
export async function mayFollowPortalBoard(db: Db, boardId: string, userId: string): Promise<boolean> {
	return can(await findRoleForBoard(db, boardId, userId), 'portal.use');
}

/** One board's shared cards, or null when nothing of it is shared with this person (callers answer 404). */
export async function findPortalBoard(db: Db, boardId: string, userId: string): Promise<PortalBoard | null> {
	const [board] = await sharedCards(db, userId, boardId);
	return board ?? null;
}

/** One shared card and the guest's company, or null when this person may not see it. */
export async function findPortalCard(
	db: Db,
	boardId: string,
	cardId: string,
	userId: string
): Promise<{ card: PortalCard; company: string | null } | null> {
	const board = await findPortalBoard(db, boardId, userId);
	const card = board?.cards.find((c) => c.id === cardId);
	return board && card ? { card, company: board.company } : null;
}

async function sharedCards(db: Db, userId: string, boardId: string | null): Promise<PortalBoard[]> {
	let query = db
		.selectFrom('card')
		.innerJoin('board', 'board.id', 'card.board_id')
		.innerJoin('organization', 'organization.id', 'board.organization_id')
		.innerJoin('membership', 'membership.organization_id', 'board.organization_id')
		.select(['card.id', 'card.rank', 'card.shared_with', 'card.guest_view', 'membership.role', 'membership.company'])
		.select(['board.id as boardId', 'board.name as boardName', 'organization.name as organizationName'])
		.where('membership.user_id', '=', userId)
		.where('card.shared_with', '!=', '[]')
		.orderBy('board.name')
		.orderBy('board.id');
	if (boardId) query = query.where('board.id', '=', boardId);
	type Gathered = PortalBoard & { ranks: Map<string, string> };
	const boards = new Map<string, Gathered>();
	for (const row of await query.execute()) {
		if (!can(row.role, 'portal.use') || !isSharedWith(parseAudience(parseJson(row.shared_with)), row.company)) continue;
		const view = parseGuestView(row.guest_view);
		if (!view) continue;
		const board: Gathered = boards.get(row.boardId) ?? {
			id: row.boardId,
			name: row.boardName,
			organizationName: row.organizationName,
			company: row.company,
			cards: [],
			ranks: new Map()
		};
		board.cards.push({ id: row.id, view });
		board.ranks.set(row.id, row.rank);
		boards.set(row.boardId, board);
	}
	return [...boards.values()].map(({ ranks, cards, ...board }) => {
		const ranked = (c: PortalCard) => ({ id: c.id, rank: ranks.get(c.id) ?? '' });
		const order = (a: PortalCard, b: PortalCard) =>
			stageIndex(a.view.stage) - stageIndex(b.view.stage) || compareRanked(ranked(a), ranked(b));
		return { ...board, cards: cards.sort(order) };
	});
}

function parseJson(text: string): unknown {
	try {
		return JSON.parse(text);
	} catch {
		return null;
	}
}

export interface Feedback {
	boardId: string;
	cardId: string;
	userId: string;
	company: string | null;
	kind: SignalKind;
	text: string;
}

/** Writes a guest's feedback into the board's live feed as a signal on the card; false when the card is gone. */
export async function leaveFeedback(deps: BoardDeps, feedback: Feedback): Promise<boolean> {
	const { boardId, cardId, userId, company, kind, text } = feedback;
	if (!getCard((await deps.sync.openRoom(boardId)).doc, cardId)) return false;
	const feed = await deps.sync.openFeed(boardId);
	const record = { kind, text, company: company ?? '', by: userId, at: Date.now() };
	const signalId = newId();
	if (!(await feed.write(userId, (doc) => addSignal(doc, cardId, signalId, record)))) return false;
	const data = { signalId, kind, company: record.company };
	await recordEvent(deps.db, { boardId, cardId, kind: 'signal', actorId: userId, data });
	return true;
}
