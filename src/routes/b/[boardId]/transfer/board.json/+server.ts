import { exportBoard } from '#lib/server/transfer/board-export.ts';
import { attachment, fileName, managedBoard } from '../access.server.ts';
import type { RequestHandler } from './$types';

/** The whole board as a backup file (owners and managers: it lists the organisation's people). */
export const GET: RequestHandler = async ({ locals, url, params }) => {
	const { board } = await managedBoard(locals, url, params.boardId);
	const file = await exportBoard(locals, board.id);
	return attachment(JSON.stringify(file), 'application/json', fileName(board.name, 'bouture.json'));
};
