import { snapshotTransaction, type Db } from '../db/open.ts';

export interface LoggedUpdate {
	seq: number;
	data: Uint8Array;
}

/**
 * The stored updates of a board after `afterSeq`, in order, read to fill a gap in what Redis
 * delivered. Null when a compaction folded some of them into the snapshot already: the reader must
 * then reload the board (snapshot and tail) rather than apply a partial tail.
 */
export async function readUpdatesAfter(
	db: Db,
	kind: 'board' | 'feed',
	boardId: string,
	afterSeq: number
): Promise<LoggedUpdate[] | null> {
	const [updates, snapshots] =
		kind === 'board' ? (['board_update', 'board_snapshot'] as const) : (['feed_update', 'feed_snapshot'] as const);
	// One snapshot: a compaction committed between the two reads would hide updates behind an old snapshot seq.
	return snapshotTransaction(db).execute(async (trx) => {
		const snapshot = await trx.selectFrom(snapshots).select('seq').where('board_id', '=', boardId).executeTakeFirst();
		if (snapshot && snapshot.seq > afterSeq) return null;
		return trx
			.selectFrom(updates)
			.select(['seq', 'data'])
			.where('board_id', '=', boardId)
			.where('seq', '>', afterSeq)
			.orderBy('seq')
			.execute();
	});
}
