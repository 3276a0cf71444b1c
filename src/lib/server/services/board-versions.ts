import type { BoardDeps } from '../deps.ts';
import { listGenerations, readGeneration } from '../sync/generation-store.ts';
import { freshCopy } from '../sync/generations.ts';

/**
 * A board's earlier versions: the generations its document ended (sync/generations.ts), kept for
 * GENERATION_KEEP_DAYS. Restoring one starts a new generation with its content, so the content
 * replaced becomes an earlier version in turn, and changes people had not sent yet are carried over.
 */
export interface BoardVersion {
	generation: number;
	/** When it ended (ms). */
	endedAt: number;
}

export function listVersions(deps: Pick<BoardDeps, 'db'>, boardId: string): Promise<BoardVersion[]> {
	return listGenerations(deps.db, boardId);
}

/** False when that version is not kept (or the board changed meanwhile: try again). */
export async function restoreVersion(deps: BoardDeps, boardId: string, generation: number): Promise<boolean> {
	const ended = await readGeneration(deps.db, boardId, generation);
	if (!ended) return false;
	const content = freshCopy(ended);
	ended.destroy();
	try {
		return await deps.sync.renewBoard(boardId, content);
	} finally {
		content.destroy();
	}
}
