import { isStage, type Stage } from '#lib/domain/stages.ts';
import type { Status } from '#lib/domain/method/types.ts';
import type { CardView } from '#lib/board/schema.ts';

/** The board's filters. They live in the URL (?q=…&team=…), so a filtered view reloads and shares as is. */
export interface Filters {
	q: string;
	team: string;
	owner: string;
	status: Status | '';
	stage: Stage | '';
}

export const STATUSES: readonly Status[] = ['on-track', 'at-risk', 'off-track', 'no-data'];
const MAX_QUERY = 200;

export function readFilters(params: URLSearchParams): Filters {
	const status = params.get('status') ?? '';
	const stage = params.get('stage') ?? '';
	return {
		q: (params.get('q') ?? '').slice(0, MAX_QUERY),
		team: params.get('team') ?? '',
		owner: params.get('owner') ?? '',
		status: (STATUSES as readonly string[]).includes(status) ? (status as Status) : '',
		stage: isStage(stage) ? stage : ''
	};
}

/** '?q=…' with only the filters set, or '' when none is. */
export function filtersSearch(filters: Filters): string {
	const params = new URLSearchParams();
	for (const [key, value] of Object.entries(filters)) if (value.trim() !== '') params.set(key, value.trim());
	const search = params.toString();
	return search ? `?${search}` : '';
}

export function isFiltering(filters: Filters): boolean {
	return filtersSearch(filters) !== '';
}

/** Lower case without accents, so "energie" finds "Énergie". */
export function fold(text: string): string {
	return text
		.normalize('NFD')
		.replace(/\p{Diacritic}/gu, '')
		.toLocaleLowerCase('fr');
}

/** Whether a card passes the filters (stage is applied to whole columns by the caller). */
export function matchesFilters(card: CardView, status: Status | null, filters: Filters): boolean {
	const { sections } = card;
	if (filters.team && sections.teamId !== filters.team && !sections.contributingTeamIds.includes(filters.team))
		return false;
	if (filters.owner && sections.ownerId !== filters.owner) return false;
	if (filters.status && status !== filters.status) return false;
	const words = fold(filters.q).split(/\s+/).filter(Boolean);
	if (words.length === 0) return true;
	const haystack = fold([card.title, card.description, sections.learnings].join('\n'));
	return words.every((word) => haystack.includes(word));
}
