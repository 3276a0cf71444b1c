import type * as Y from 'yjs';
import {
	putObjective,
	readObjectives,
	readSettings,
	removeObjective,
	writeSettings,
	MAX_GLOBAL_OBJECTIVES,
	type BoardSettings,
	type GlobalObjective
} from '#lib/board/board-settings.ts';
import { readWipLimits, writeWipLimits } from '#lib/board/wip-limits.ts';
import type { WipLimits } from '#lib/domain/method/wip-limits.ts';
import { rankBetween } from '#lib/domain/ordering.ts';
import type { BoardDeps } from '../deps.ts';

/** The settings and global objectives live in the board's feed: only the rooms are needed. */
type MethodDeps = Pick<BoardDeps, 'sync'>;
import { newId } from '../ids.ts';
import type { BoardAccess } from './boards.ts';
import { can } from '#lib/domain/permissions.ts';

/**
 * The board's method settings and global objectives: read by everyone on the board, changed only
 * by its organisation's owners and managers, through the server (which writes them into the board's
 * live feed document, so every open board updates at once).
 */

export function managesBoard(board: BoardAccess): boolean {
	return can(board.role, 'board.settings');
}

export async function readBoardMethod(
	deps: MethodDeps,
	boardId: string
): Promise<{ settings: BoardSettings; objectives: GlobalObjective[]; wipLimits: WipLimits }> {
	const feed = await deps.sync.openFeed(boardId);
	return { settings: readSettings(feed.doc), objectives: readObjectives(feed.doc), wipLimits: readWipLimits(feed.doc) };
}

async function change(deps: MethodDeps, boardId: string, userId: string, edit: (doc: Y.Doc) => void): Promise<void> {
	const feed = await deps.sync.openFeed(boardId);
	await feed.write(userId, edit);
}

export function saveSettings(deps: MethodDeps, boardId: string, userId: string, settings: BoardSettings) {
	return change(deps, boardId, userId, (doc) => writeSettings(doc, settings));
}

export function saveWipLimits(deps: MethodDeps, boardId: string, userId: string, limits: WipLimits) {
	return change(deps, boardId, userId, (doc) => writeWipLimits(doc, limits));
}

/** Adds a global objective at the end; false when the board already has the most it may have. */
export async function addGlobalObjective(deps: MethodDeps, boardId: string, userId: string, title: string) {
	const { objectives } = await readBoardMethod(deps, boardId);
	if (objectives.length >= MAX_GLOBAL_OBJECTIVES) return false;
	const rank = rankBetween(objectives.at(-1)?.rank ?? null, null);
	await change(deps, boardId, userId, (doc) => putObjective(doc, { id: newId(), title, rank }));
	return true;
}

export async function renameGlobalObjective(
	deps: MethodDeps,
	boardId: string,
	userId: string,
	id: string,
	title: string
) {
	const { objectives } = await readBoardMethod(deps, boardId);
	const objective = objectives.find((o) => o.id === id);
	if (!objective) return false;
	await change(deps, boardId, userId, (doc) => putObjective(doc, { ...objective, title }));
	return true;
}

export function removeGlobalObjective(deps: MethodDeps, boardId: string, userId: string, id: string) {
	return change(deps, boardId, userId, (doc) => removeObjective(doc, id));
}
