import { LIMITS } from '../validation.ts';
import { isStage, type Stage } from '../stages.ts';
import { guessStage } from './guess.ts';
import type { TrelloBoard, TrelloCard } from './schema.ts';

/** What becomes of each list (a stage, or left out), each label (a team, a tag, nothing), the checklists. */
export interface TrelloMapping {
	lists: Record<string, Stage | 'skip'>;
	labels: Record<string, LabelTarget>;
	checklists: 'review' | 'note';
}
export type LabelTarget = 'tag' | 'ignore' | `team:${string}`;

export interface ImportedComment {
	/** The person in the organisation, or null: their name and the date then open the text. */
	authorId: string | null;
	at: number;
	text: string;
}

export interface ImportedCard {
	title: string;
	description: string;
	stage: Stage;
	archived: boolean;
	deadline: string | null;
	teamId: string | null;
	ownerId: string | null;
	reviewItems: string[];
	comments: ImportedComment[];
}

/** The guesses the preview starts from: stages from list names, labels as tags, checklists as review items. */
export function defaultMapping(board: TrelloBoard): TrelloMapping {
	return {
		lists: Object.fromEntries(board.lists.map((l) => [l.id, guessStage(l.name)])),
		labels: Object.fromEntries(board.labels.map((l) => [l.id, 'tag' as const])),
		checklists: 'review'
	};
}

/** A form's choice for a list or a label, when it is one the import knows. */
export function isListTarget(value: unknown): value is Stage | 'skip' {
	return value === 'skip' || isStage(value);
}
export function isLabelTarget(value: unknown, teamIds: readonly string[]): value is LabelTarget {
	if (value === 'tag' || value === 'ignore') return true;
	return typeof value === 'string' && value.startsWith('team:') && teamIds.includes(value.slice(5));
}

export const memberName = (m: { fullName?: string | null; username?: string | null }) =>
	m.fullName || m.username || '?';

/** The cards to create, in list then Trello order; cards of skipped lists are left out. */
export function planTrello(
	board: TrelloBoard,
	mapping: TrelloMapping,
	people: ReadonlyMap<string, string>
): ImportedCard[] {
	const listOrder = new Map(board.lists.map((l, i) => [l.id, i]));
	const closedLists = new Set(board.lists.filter((l) => l.closed).map((l) => l.id));
	const labels = new Map(board.labels.map((l) => [l.id, l]));
	const comments = commentsByCard(board, people);
	const checklists = groupBy(board.checklists, (c) => c.idCard);
	const cards = board.cards
		.filter((c) => isStage(mapping.lists[c.idList]))
		.sort((a, b) => (listOrder.get(a.idList) ?? 0) - (listOrder.get(b.idList) ?? 0) || a.pos - b.pos);
	return cards.map((card) => {
		const targets = card.idLabels.map((id) => [labels.get(id), mapping.labels[id] ?? 'tag'] as const);
		const tags = targets.filter(([l, t]) => l && t === 'tag').map(([l]) => l?.name || l?.color || '');
		const team = targets.find(([, t]) => t.startsWith('team:'))?.[1].slice(5) ?? null;
		const lists = (checklists.get(card.id) ?? []).sort((a, b) => a.pos - b.pos);
		const items = lists.flatMap((l) =>
			[...l.checkItems].sort((a, b) => a.pos - b.pos).map((i) => `${i.state === 'complete' ? '[x]' : '[ ]'} ${i.name}`)
		);
		const note =
			mapping.checklists === 'note'
				? lists.map((l) =>
						[
							`### ${l.name ?? ''}`,
							...l.checkItems.map((i) => `- ${i.state === 'complete' ? '[x]' : '[ ]'} ${i.name}`)
						].join('\n')
					)
				: [];
		const description = [card.desc ?? '', tags.length ? `Tags: ${tags.join(', ')}` : '', ...note]
			.filter(Boolean)
			.join('\n\n');
		return {
			title: (card.name.trim() || '?').slice(0, LIMITS.title),
			description: description.slice(0, LIMITS.description),
			stage: mapping.lists[card.idList] as Stage,
			archived: card.closed || closedLists.has(card.idList),
			deadline: dueDay(card),
			teamId: team,
			ownerId: card.idMembers.map((id) => people.get(id)).find((p) => p !== undefined) ?? null,
			reviewItems: mapping.checklists === 'review' ? items.map((i) => i.slice(0, LIMITS.title)) : [],
			comments: comments.get(card.id) ?? []
		};
	});
}

/** The longest comment the app keeps (board/comments.ts COMMENT_BODY_MAX). */
const COMMENT_MAX = 5_000;

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
	const groups = new Map<string, T[]>();
	for (const item of items) {
		const group = groups.get(key(item));
		if (group) group.push(item);
		else groups.set(key(item), [item]);
	}
	return groups;
}

function dueDay(card: TrelloCard): string | null {
	const day = card.due?.slice(0, 10) ?? '';
	return /^\d{4}-\d{2}-\d{2}$/.test(day) ? day : null;
}

/** Comments oldest first; an author who is not in the organisation is named, with the date, in the text. */
function commentsByCard(board: TrelloBoard, people: ReadonlyMap<string, string>): Map<string, ImportedComment[]> {
	const names = new Map(board.members.map((m) => [m.id, memberName(m)]));
	const byCard = new Map<string, ImportedComment[]>();
	for (const action of board.actions) {
		const cardId = action.data.card?.id;
		if (action.type !== 'commentCard' || !cardId || !action.data.text) continue;
		const authorId = (action.idMemberCreator && people.get(action.idMemberCreator)) || null;
		const name = action.memberCreator
			? memberName(action.memberCreator)
			: (names.get(action.idMemberCreator ?? '') ?? '?');
		const text = authorId ? action.data.text : `**${name}** (${action.date.slice(0, 10)}) :\n\n${action.data.text}`;
		const comment = { authorId, at: Date.parse(action.date), text: text.slice(0, COMMENT_MAX) };
		const list = byCard.get(cardId);
		if (list) list.push(comment);
		else byCard.set(cardId, [comment]);
	}
	for (const list of byCard.values()) list.sort((a, b) => a.at - b.at);
	return byCard;
}
