import type { Db } from '../db/open.ts';

/** An append meant for a generation of the document that has ended: the writer holds an old copy. */
export class GenerationEnded extends Error {
	readonly current: number;

	constructor(boardId: string, current: number) {
		super(`board ${boardId}: generation ${current} has started`);
		this.current = current;
	}
}

export interface Head {
	seq: number;
	generation: number;
}

/**
 * Moves the board's head `count` forward and returns it. The UPDATE locks the row until the transaction
 * ends, so a concurrent appender waits and then reads the moved head. A board without a row (new, or
 * stored before the head existed) starts from its log: its last update, or its snapshot's seq. The
 * feed documents' store names feed_head instead (see doc-tables.ts). With `generation`, throws
 * GenerationEnded (rolling the transaction back) when the document has moved on to another one.
 */
export async function advanceHead(trx: Db, boardId: string, count: number, generation?: number): Promise<number> {
	const head = (await moveHead(trx, boardId, count)) ?? (await startHead(trx, boardId, count));
	if (generation !== undefined && head.generation !== generation) throw new GenerationEnded(boardId, head.generation);
	return head.seq;
}

/** The document's current generation, as stored (0 for a board whose head row is not made yet). */
export async function currentGeneration(db: Db, boardId: string): Promise<number> {
	const head = await db
		.selectFrom('board_head')
		.select('generation')
		.where('board_id', '=', boardId)
		.executeTakeFirst();
	return Number(head?.generation ?? 0);
}

/** The head, locked until the transaction ends (created from the log if the board has none yet). */
export async function lockHead(trx: Db, boardId: string): Promise<Head> {
	return (await moveHead(trx, boardId, 0)) ?? (await startHead(trx, boardId, 0));
}

async function startHead(trx: Db, boardId: string, count: number): Promise<Head> {
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

async function moveHead(trx: Db, boardId: string, count: number): Promise<Head | undefined> {
	const row = await trx
		.updateTable('board_head')
		.set((eb) => ({ seq: eb('seq', '+', count) }))
		.where('board_id', '=', boardId)
		.returning(['seq', 'generation'])
		.executeTakeFirst();
	return row && { seq: Number(row.seq), generation: Number(row.generation) };
}
