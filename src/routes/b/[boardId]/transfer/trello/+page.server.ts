import { fail } from '@sveltejs/kit';
import { isLabelTarget, isListTarget, planTrello, type TrelloMapping } from '#lib/domain/trello/plan.ts';
import type { TrelloBoard } from '#lib/domain/trello/schema.ts';
import { listDirectory } from '#lib/server/services/directory.ts';
import { importTrelloCards } from '#lib/server/transfer/trello-import.ts';
import { matchMembers, previewTrello, readTrelloUpload } from '#lib/server/transfer/trello-preview.ts';
import { managedBoard } from '../access.server.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const { board } = await managedBoard(locals, url, params.boardId);
	const { members, teams } = await listDirectory(locals.db, board.organizationId);
	return { teams, people: members.map((p) => ({ id: p.id, name: p.name })) };
};

/** The mapping chosen in the form, or the first list whose choice is missing or unknown. */
function readMapping(form: FormData, board: TrelloBoard, teamIds: string[]): TrelloMapping | { field: string } {
	const mapping: TrelloMapping = {
		lists: {},
		labels: {},
		checklists: form.get('checklists') === 'note' ? 'note' : 'review'
	};
	for (const list of board.lists) {
		const target = form.get(`list:${list.id}`);
		if (!isListTarget(target)) return { field: list.name };
		mapping.lists[list.id] = target;
	}
	for (const label of board.labels) {
		const target = form.get(`label:${label.id}`);
		mapping.labels[label.id] = isLabelTarget(target, teamIds) ? target : 'tag';
	}
	return mapping;
}

export const actions: Actions = {
	preview: async ({ locals, url, params, request }) => {
		const { board } = await managedBoard(locals, url, params.boardId);
		const upload = await readTrelloUpload((await request.formData()).get('file'));
		if (!('board' in upload)) return fail(400, { error: upload });
		return { preview: previewTrello(upload.board, await matchMembers(locals.db, board.organizationId, upload.board)) };
	},
	/** The same file again with the mapping: nothing is kept between the preview and the import. */
	import: async ({ locals, url, params, request }) => {
		const { user, board } = await managedBoard(locals, url, params.boardId);
		const form = await request.formData();
		const upload = await readTrelloUpload(form.get('file'));
		if (!('board' in upload)) return fail(400, { error: upload });
		const people = await matchMembers(locals.db, board.organizationId, upload.board);
		const { teams } = await listDirectory(locals.db, board.organizationId);
		const mapping = readMapping(
			form,
			upload.board,
			teams.map((t) => t.id)
		);
		const preview = previewTrello(upload.board, people);
		if ('field' in mapping) return fail(400, { preview, unmapped: mapping.field });
		const cards = planTrello(upload.board, mapping, people);
		const imported = await importTrelloCards(locals, board.id, user.id, cards);
		return { preview: { ...preview, mapping }, imported };
	}
};
