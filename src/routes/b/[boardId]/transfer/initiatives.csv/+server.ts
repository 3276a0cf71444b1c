import { initiativesCsv } from '#lib/i18n/initiatives-csv.ts';
import { getLocale } from '#lib/paraglide/runtime.js';
import { listInitiativeRows } from '#lib/server/transfer/initiatives.ts';
import { attachment, fileName, openedBoard } from '../access.server.ts';
import type { RequestHandler } from './$types';

/** Every member who may open the board (observers too) may take its initiatives as a spreadsheet. */
export const GET: RequestHandler = async ({ locals, url, params }) => {
	const { board } = await openedBoard(locals, url, params.boardId);
	const csv = initiativesCsv(await listInitiativeRows(locals, board), getLocale());
	return attachment(csv, 'text/csv', fileName(board.name, 'csv'));
};
