import type { Db } from '../db/open.ts';
import { NOTIFICATION_KINDS, type NotificationKind } from '#lib/domain/notify.ts';

// A person's notifications: reading them, marking them read, choosing which kinds arrive.

export interface InboxItem {
	id: string;
	kind: NotificationKind;
	boardId: string | null;
	cardId: string | null;
	actorName: string | null;
	data: {
		title?: string;
		excerpt?: string;
		from?: string;
		to?: string;
		/** Check-ins: the cadence date, and whether it was missed (else it is due). */
		date?: string;
		missed?: boolean;
		/** Closed help: 'answer' (a member of the asked team replied) or 'asker'. */
		by?: string;
	};
	createdAt: number;
	read: boolean;
	/** The card was deleted or archived since: no page to link to. */
	cardRemoved: boolean;
}

export async function listNotifications(db: Db, userId: string, limit = 100): Promise<InboxItem[]> {
	const rows = await db
		.selectFrom('notification')
		.leftJoin('user', 'user.id', 'notification.actor_id')
		.leftJoin('card', (join) =>
			join.onRef('card.id', '=', 'notification.card_id').onRef('card.board_id', '=', 'notification.board_id')
		)
		.select([
			'notification.id',
			'notification.kind',
			'notification.board_id',
			'notification.card_id',
			'notification.data',
			'notification.created_at',
			'notification.read_at',
			'user.name as actor_name',
			'card.archived as card_archived'
		])
		.where('notification.user_id', '=', userId)
		.orderBy('notification.created_at', 'desc')
		.orderBy('notification.id', 'desc')
		.limit(limit)
		.execute();
	return rows.map((r) => ({
		id: r.id,
		kind: r.kind as NotificationKind,
		boardId: r.board_id,
		cardId: r.card_id,
		actorName: r.actor_name,
		data: JSON.parse(r.data) as InboxItem['data'],
		createdAt: r.created_at,
		read: r.read_at !== null,
		// A deleted card has no row any more (the projection drops it); an archived one is hidden.
		cardRemoved: r.card_id !== null && r.card_archived !== 0
	}));
}

export async function countUnread(db: Db, userId: string): Promise<number> {
	const row = await db
		.selectFrom('notification')
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.where('user_id', '=', userId)
		.where('read_at', 'is', null)
		.executeTakeFirstOrThrow();
	return Number(row.n);
}

/** Marks one notification (of this person's) read, or all of them when `id` is null. */
export async function markRead(db: Db, userId: string, id: string | null): Promise<void> {
	let query = db.updateTable('notification').set({ read_at: Date.now() }).where('user_id', '=', userId);
	if (id) query = query.where('id', '=', id);
	await query.where('read_at', 'is', null).execute();
}

/** Every kind with whether this person receives it (on unless switched off). */
export async function readSettings(db: Db, userId: string): Promise<Record<NotificationKind, boolean>> {
	const rows = await db.selectFrom('notification_setting').selectAll().where('user_id', '=', userId).execute();
	const off = new Set(rows.filter((r) => r.enabled === 0).map((r) => r.kind));
	return Object.fromEntries(NOTIFICATION_KINDS.map((k) => [k, !off.has(k)])) as Record<NotificationKind, boolean>;
}

export async function saveSettings(db: Db, userId: string, enabled: ReadonlySet<NotificationKind>): Promise<void> {
	for (const kind of NOTIFICATION_KINDS) {
		const value = enabled.has(kind) ? 1 : 0;
		await db
			.insertInto('notification_setting')
			.values({ user_id: userId, kind, enabled: value })
			.onConflict((oc) => oc.columns(['user_id', 'kind']).doUpdateSet({ enabled: value }))
			.execute();
	}
}
