import * as Y from 'yjs';
import type { BoardDeps } from '../deps.ts';
import type { BoardFile } from './board-file.ts';

const toBase64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

/** The whole board as one file (see board-file.ts): its live documents, and its rows in a stable order. */
export async function exportBoard(deps: BoardDeps, boardId: string, now = Date.now()): Promise<BoardFile> {
	const { db } = deps;
	const board = await db
		.selectFrom('board')
		.select([
			'name',
			'organization_id',
			'visibility',
			'standup_day',
			'standup_time',
			'standup_time_box',
			'standup_length'
		])
		.where('id', '=', boardId)
		.executeTakeFirstOrThrow();
	const [room, feed] = await Promise.all([deps.sync.openRoom(boardId), deps.sync.openFeed(boardId)]);
	const standupIds = db.selectFrom('standup').select('id').where('board_id', '=', boardId);
	const commentIds = db.selectFrom('comment').select('id').where('board_id', '=', boardId);
	const { organization_id: organizationId, ...settings } = board;
	return {
		format: 'bouture-board',
		version: 1,
		exportedAt: now,
		board: settings,
		people: await db
			.selectFrom('membership')
			.innerJoin('user', 'user.id', 'membership.user_id')
			.select(['user.id', 'user.email', 'user.name'])
			.where('membership.organization_id', '=', organizationId)
			.orderBy('user.id')
			.execute(),
		grants: await db
			.selectFrom('board_grant')
			.select(['subject', 'subject_id', 'level'])
			.where('board_id', '=', boardId)
			.orderBy('subject')
			.orderBy('subject_id')
			.execute(),
		documents: { board: toBase64(Y.encodeStateAsUpdate(room.doc)), feed: toBase64(Y.encodeStateAsUpdate(feed.doc)) },
		comments: await db
			.selectFrom('comment')
			.select(['id', 'card_id', 'parent_id', 'author_id', 'body', 'created_at', 'edited_at', 'deleted_at'])
			.where('board_id', '=', boardId)
			.orderBy('created_at')
			.orderBy('id')
			.execute(),
		commentVersions: await db
			.selectFrom('comment_version')
			.select(['comment_id', 'body', 'replaced_at'])
			.where('comment_id', 'in', commentIds)
			.orderBy('replaced_at')
			.orderBy('comment_id')
			.execute(),
		cardEvents: await db
			.selectFrom('card_event')
			.select(['id', 'card_id', 'kind', 'actor_id', 'data', 'created_at'])
			.where('board_id', '=', boardId)
			.orderBy('created_at')
			.orderBy('id')
			.execute(),
		standups: await db
			.selectFrom('standup')
			.select([
				'id',
				'facilitator_id',
				'since',
				'started_at',
				'ended_at',
				'time_box',
				'locale',
				'summary',
				'options',
				'agenda'
			])
			.where('board_id', '=', boardId)
			.orderBy('started_at')
			.orderBy('id')
			.execute(),
		standupAttendees: await db
			.selectFrom('standup_attendee')
			.select(['standup_id', 'user_id', 'joined_at'])
			.where('standup_id', 'in', standupIds)
			.orderBy('joined_at')
			.orderBy('user_id')
			.execute(),
		standupCards: await db
			.selectFrom('standup_card')
			.select(['standup_id', 'card_id', 'seconds', 'reviewed_at'])
			.where('standup_id', 'in', standupIds)
			.orderBy('reviewed_at')
			.orderBy('card_id')
			.execute(),
		standupDecisions: await db
			.selectFrom('standup_decision')
			.select(['id', 'standup_id', 'card_id', 'text', 'owner_id', 'due_date', 'created_by', 'created_at'])
			.where('standup_id', 'in', standupIds)
			.orderBy('created_at')
			.orderBy('id')
			.execute()
	};
}
