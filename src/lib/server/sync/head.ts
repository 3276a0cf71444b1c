import type { Db } from '../db/open.ts';

/**
 * Moves the board's head `count` forward and returns it. The UPDATE locks the row until the transaction
 * ends, so a concurrent appender waits and then reads the moved head. A board without a row (new, or
 * stored before the head existed) starts from its log: its last update, or its snapshot's seq. The
 * feed documents' store names feed_head instead (see doc-tables.ts).
 */
export async function advanceHead(trx: Db, boardId: string, count: number): Promise<number> {
	const moved = await moveHead(trx, boardId, count);
	if (moved !== undefined) return moved;
	const [update, snapshot] = await Promise.all([
		trx
			.selectFrom('board_update')
			.select((eb) => eb.fn.max('seq').as('seq'))
			.where('board_id', '=', boardId)
			.executeTakeFirst(),
		trx.selectFrom('board_snapshot').select('seq').where('board_id', '=', boardId).executeTakeFirst()
	]);
	const seq = Math.max(Number(update?.seq ?? 0), snapshot?.seq ?? 0);
	await trx
		.insertInto('board_head')
		.values({ board_id: boardId, seq })
		.onConflict((oc) => oc.column('board_id').doNothing())
		.execute();
	const started = await moveHead(trx, boardId, count);
	if (started === undefined) throw new Error(`board ${boardId}: no head row after creating it`);
	return started;
}

async function moveHead(trx: Db, boardId: string, count: number): Promise<number | undefined> {
	const row = await trx
		.updateTable('board_head')
		.set((eb) => ({ seq: eb('seq', '+', count) }))
		.where('board_id', '=', boardId)
		.returning('seq')
		.executeTakeFirst();
	return row?.seq;
}
