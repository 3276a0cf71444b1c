import { snapshotTransaction, type Db } from '../db/open.ts';
import { GenerationEnded } from '../sync/head.ts';

export interface LoggedUpdate {
	seq: number;
	data: Uint8Array;
}

/**
 * The stored updates of a board after `afterSeq`, in order, read to fill a gap in what Redis
 * delivered. Null when a compaction folded some of them into the snapshot already: the reader must
 * then reload the board (snapshot and tail) rather than apply a partial tail. Throws GenerationEnded
 * when the document is no longer at `generation`: those updates belong to another copy.
 */
export async function readUpdatesAfter(
	db: Db,
	kind: 'board' | 'feed',
	boardId: string,
	afterSeq: number,
	generation: number
): Promise<LoggedUpdate[] | null> {
	const [updates, snapshots, heads] =
		kind === 'board'
			? (['board_update', 'board_snapshot', 'board_head'] as const)
			: (['feed_update', 'feed_snapshot', 'feed_head'] as const);
	// One snapshot: a compaction committed between the two reads would hide updates behind an old snapshot seq.
	return snapshotTransaction(db).execute(async (trx) => {
		const head = await trx.selectFrom(heads).select('generation').where('board_id', '=', boardId).executeTakeFirst();
		const current = Number(head?.generation ?? 0);
		if (current !== generation) throw new GenerationEnded(boardId, current);
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
