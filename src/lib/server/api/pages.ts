import * as v from 'valibot';
import type { Db } from '../db/open.ts';
import { validate } from './respond.ts';

/** Cursor pagination: items in id order, `nextCursor` is the last id of the page (null on the last page). */

export const DEFAULT_LIMIT = 50;
export const MAX_LIMIT = 200;

const PageQuery = v.object({
	cursor: v.optional(v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{1,64}$/, 'Not a cursor this API gave'))),
	limit: v.optional(
		v.pipe(v.string(), v.regex(/^\d+$/, 'A whole number'), v.transform(Number), v.minValue(1), v.maxValue(MAX_LIMIT)),
		String(DEFAULT_LIMIT)
	)
});

export type PageQuery = { cursor?: string; limit: number };

export function readPageQuery(url: URL): PageQuery {
	const query = Object.fromEntries(
		['cursor', 'limit'].flatMap((k) => (url.searchParams.has(k) ? [[k, url.searchParams.get(k)]] : []))
	);
	return validate(PageQuery, query);
}

/** One page of a board's cards, from the projection (what search and the stand-up read too). */
export async function listCardPage(db: Db, boardId: string, page: PageQuery) {
	let query = db
		.selectFrom('card')
		.select(['id', 'title', 'stage', 'archived', 'owner_id', 'team_id', 'updated_at'])
		.where('board_id', '=', boardId)
		.orderBy('id')
		.limit(page.limit + 1);
	if (page.cursor) query = query.where('id', '>', page.cursor);
	const rows = await query.execute();
	const items = rows.slice(0, page.limit).map((r) => ({
		id: r.id,
		title: r.title,
		stage: r.stage,
		archived: r.archived === 1,
		ownerId: r.owner_id,
		teamId: r.team_id,
		updatedAt: new Date(r.updated_at).toISOString()
	}));
	return { items, nextCursor: rows.length > page.limit ? (items.at(-1)?.id ?? null) : null };
}
