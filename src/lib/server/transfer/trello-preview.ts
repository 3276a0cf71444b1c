import * as v from 'valibot';
import { defaultMapping, memberName, type TrelloMapping } from '#lib/domain/trello/plan.ts';
import { TrelloBoard } from '#lib/domain/trello/schema.ts';
import type { Db } from '../db/open.ts';
import { issueField, readJsonUpload, type UploadError } from './limits.ts';

/** The uploaded Trello export, validated, or why it is refused (before anything is written). */
export async function readTrelloUpload(file: FormDataEntryValue | null): Promise<{ board: TrelloBoard } | UploadError> {
	const upload = await readJsonUpload(file);
	if (!('json' in upload)) return upload;
	const parsed = v.safeParse(TrelloBoard, upload.json);
	if (!parsed.success) return { reason: 'format', field: issueField(parsed.issues[0]) };
	return { board: parsed.output };
}

/** Trello members → the organisation's people with the same e-mail (members, not guests); others stay unknown. */
export async function matchMembers(db: Db, organizationId: string, board: TrelloBoard): Promise<Map<string, string>> {
	const people = await db
		.selectFrom('membership')
		.innerJoin('user', 'user.id', 'membership.user_id')
		.select(['user.id', 'user.email'])
		.where('membership.organization_id', '=', organizationId)
		.where('membership.role', '!=', 'guest')
		.execute();
	const byEmail = new Map(people.map((p) => [p.email.toLowerCase(), p.id]));
	const matched = new Map<string, string>();
	for (const m of board.members) {
		const id = m.email ? byEmail.get(m.email.toLowerCase()) : undefined;
		if (id) matched.set(m.id, id);
	}
	return matched;
}

export interface TrelloPreview {
	name: string;
	cards: number;
	comments: number;
	checklists: number;
	lists: { id: string; name: string; count: number }[];
	labels: { id: string; name: string; count: number }[];
	members: { id: string; name: string; personId: string | null }[];
	mapping: TrelloMapping;
}

/** What the preview page shows, with the guessed mapping to start from. */
export function previewTrello(board: TrelloBoard, people: ReadonlyMap<string, string>): TrelloPreview {
	const count = (pick: (c: TrelloBoard['cards'][number]) => boolean) => board.cards.filter(pick).length;
	return {
		name: board.name,
		cards: board.cards.length,
		comments: board.actions.filter((a) => a.type === 'commentCard').length,
		checklists: board.checklists.length,
		lists: board.lists.map((l) => ({ id: l.id, name: l.name, count: count((c) => c.idList === l.id) })),
		labels: board.labels.map((l) => ({
			id: l.id,
			name: l.name || l.color || '?',
			count: count((c) => c.idLabels.includes(l.id))
		})),
		members: board.members.map((m) => ({ id: m.id, name: memberName(m), personId: people.get(m.id) ?? null })),
		mapping: defaultMapping(board)
	};
}
