import * as Y from 'yjs';
import { cardsMap } from '#lib/board/schema.ts';
import type { Db } from '../db/open.ts';
import { newId } from '../ids.ts';
import type { BoardFile } from './board-file.ts';
import { remapDocument, remapJson, type IdMap } from './remap.ts';

/** Why a well-formed file still cannot be restored: a document that is not a Yjs state. */
export class UnreadableDocument extends Error {
	readonly field: string;
	constructor(field: string) {
		super(`unreadable document ${field}`);
		this.field = field;
	}
}

function decode(base64: string, field: string): Y.Doc {
	const doc = new Y.Doc({ gc: true });
	try {
		Y.applyUpdate(doc, Buffer.from(base64, 'base64'));
	} catch {
		throw new UnreadableDocument(field);
	}
	return doc;
}

/**
 * The file's people as the organisation's: the same account when it is a member, else the member with
 * the same e-mail, else the person restoring (so no row points at someone outside the organisation).
 */
async function mapPeople(db: Db, organizationId: string, file: BoardFile, fallbackId: string) {
	const members = await db
		.selectFrom('membership')
		.innerJoin('user', 'user.id', 'membership.user_id')
		.select(['user.id', 'user.email'])
		.where('membership.organization_id', '=', organizationId)
		.execute();
	const ids = new Set(members.map((p) => p.id));
	const byEmail = new Map(members.map((p) => [p.email.toLowerCase(), p.id]));
	const people = new Map<string, string>();
	for (const p of file.people)
		people.set(p.id, ids.has(p.id) ? p.id : (byEmail.get(p.email.toLowerCase()) ?? fallbackId));
	return { people, isMember: (id: string) => ids.has(id) };
}

/** New ids for everything a table keys by id (cards, comments, events, stand-ups, decisions), and people mapped. */
function newIds(file: BoardFile, board: Y.Doc, feed: Y.Doc, people: ReadonlyMap<string, string>): IdMap {
	const ids = new Map<string, string>();
	for (const [from, to] of people) if (from !== to) ids.set(from, to);
	const fresh = (id: string) => void ids.set(id, newId());
	for (const id of cardsMap(board).keys()) fresh(id);
	for (const id of cardsMap(feed).keys()) if (!ids.has(id)) fresh(id);
	for (const rows of [file.comments, file.cardEvents, file.standups, file.standupDecisions])
		for (const r of rows) fresh(r.id);
	return ids;
}

/**
 * Restores a backup as a new board of the organisation, in one transaction (a failure leaves nothing):
 * the board row, its documents as snapshots, its rows under new ids. The card rows are projected when
 * the board is first opened, like any board's. Returns the new board's id.
 */
export async function restoreBoard(db: Db, organizationId: string, userId: string, file: BoardFile): Promise<string> {
	const boardDoc = decode(file.documents.board, 'documents.board');
	const feedDoc = decode(file.documents.feed, 'documents.feed');
	const { people, isMember } = await mapPeople(db, organizationId, file, userId);
	const ids = newIds(file, boardDoc, feedDoc, people);
	const id = (old: string) => ids.get(old) ?? old;
	const person = (old: string | null) => (old === null ? null : (people.get(old) ?? (isMember(old) ? old : userId)));
	const teams = new Set(
		(await db.selectFrom('team').select('id').where('organization_id', '=', organizationId).execute()).map((t) => t.id)
	);
	const boardId = newId();
	const now = Date.now();
	const snapshot = (doc: Y.Doc) => ({
		board_id: boardId,
		seq: 0,
		data: Y.encodeStateAsUpdate(remapDocument(doc, ids)),
		created_at: now
	});
	const json = (text: string | null) => (text === null ? null : remapJson(text, ids));
	const insert = async <T>(rows: readonly T[], write: (batch: T[]) => Promise<unknown>) => {
		for (let i = 0; i < rows.length; i += 200) await write(rows.slice(i, i + 200));
	};
	await db.transaction().execute(async (trx) => {
		await trx
			.insertInto('board')
			.values({ id: boardId, organization_id: organizationId, created_at: now, updated_at: now, ...file.board })
			.execute();
		const grants = file.grants
			.map((g) => ({
				...g,
				board_id: boardId,
				subject_id: g.subject === 'user' ? (person(g.subject_id) ?? '') : g.subject_id
			}))
			.filter((g) => (g.subject === 'user' ? isMember(g.subject_id) : teams.has(g.subject_id)));
		await insert(grants, (b) =>
			trx
				.insertInto('board_grant')
				.values(b)
				.onConflict((oc) => oc.doNothing())
				.execute()
		);
		await trx.insertInto('board_snapshot').values(snapshot(boardDoc)).execute();
		await trx.insertInto('feed_snapshot').values(snapshot(feedDoc)).execute();
		await insert(file.comments, (b) =>
			trx
				.insertInto('comment')
				.values(
					b.map((c) => ({
						...c,
						id: id(c.id),
						board_id: boardId,
						card_id: id(c.card_id),
						parent_id: c.parent_id && id(c.parent_id),
						author_id: person(c.author_id) ?? userId
					}))
				)
				.execute()
		);
		await insert(file.commentVersions, (b) =>
			trx
				.insertInto('comment_version')
				.values(b.map((c) => ({ ...c, comment_id: id(c.comment_id) })))
				.execute()
		);
		await insert(file.cardEvents, (b) =>
			trx
				.insertInto('card_event')
				.values(
					b.map((e) => ({
						...e,
						id: id(e.id),
						board_id: boardId,
						card_id: id(e.card_id),
						actor_id: person(e.actor_id),
						data: remapJson(e.data, ids)
					}))
				)
				.execute()
		);
		await insert(file.standups, (b) =>
			trx
				.insertInto('standup')
				.values(
					b.map((s) => ({
						...s,
						id: id(s.id),
						board_id: boardId,
						facilitator_id: person(s.facilitator_id) ?? userId,
						summary: json(s.summary),
						options: json(s.options),
						agenda: json(s.agenda)
					}))
				)
				.execute()
		);
		await insert(file.standupAttendees, (b) =>
			trx
				.insertInto('standup_attendee')
				.values(b.map((a) => ({ ...a, standup_id: id(a.standup_id), user_id: person(a.user_id) ?? userId })))
				.onConflict((oc) => oc.doNothing())
				.execute()
		);
		await insert(file.standupCards, (b) =>
			trx
				.insertInto('standup_card')
				.values(b.map((c) => ({ ...c, standup_id: id(c.standup_id), card_id: id(c.card_id) })))
				.execute()
		);
		await insert(file.standupDecisions, (b) =>
			trx
				.insertInto('standup_decision')
				.values(
					b.map((d) => ({
						...d,
						id: id(d.id),
						standup_id: id(d.standup_id),
						card_id: id(d.card_id),
						owner_id: person(d.owner_id),
						created_by: person(d.created_by) ?? userId
					}))
				)
				.execute()
		);
	});
	return boardId;
}
