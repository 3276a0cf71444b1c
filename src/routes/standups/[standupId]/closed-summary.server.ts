import { error } from '@sveltejs/kit';
import type { StandupSummary } from '#lib/domain/standup/record.ts';
import { isId } from '#lib/domain/validation.ts';
import { requireUser } from '#lib/server/auth/guard.ts';
import { findBoardForUser } from '#lib/server/services/boards.ts';
import { findStandup } from '#lib/server/services/standups.ts';

/**
 * The frozen summary of a closed stand-up the signed-in person may read. A stand-up still running, or
 * one on a board they cannot open, is a plain 404: nothing tells an outsider it exists.
 */
export async function readClosedSummary(
	locals: App.Locals,
	url: URL,
	standupId: string
): Promise<{ boardId: string; summary: StandupSummary }> {
	const user = requireUser(locals, url);
	const { db } = locals;
	const standup = isId(standupId) ? await findStandup(db, standupId) : null;
	if (!standup?.summary || standup.endedAt === null) error(404);
	if (!(await findBoardForUser(db, standup.boardId, user.id))) error(404);
	return { boardId: standup.boardId, summary: standup.summary };
}
