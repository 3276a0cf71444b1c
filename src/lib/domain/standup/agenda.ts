import { STAGES, stageIndex, type Stage } from '../stages.ts';
import type { IsoDate, Status } from '../method/types.ts';
import type { StandupChange } from './changes.ts';

/** Kanban practice: walk the board from the right, the work closest to done first. */
export const WALK_ORDER: readonly Stage[] = [...STAGES].reverse();

/** One initiative as the stand-up shows it. */
export interface AgendaItem {
	cardId: string;
	title: string;
	stage: Stage;
	rank: string;
	ownerId: string | null;
	teamId: string | null;
	contributingTeamIds: string[];
	/** null when the initiative is concluded (no live status). */
	status: Status | null;
	/** Check-ins missed so far. */
	missed: number;
	/** The next check-in when it falls in this week (board time zone), else null. */
	dueThisWeek: IsoDate | null;
	/** Teams asked for help on this card and not yet answered: it is on their stand-up list too. */
	helpTeamIds: string[];
	/** Moved past a gate without the criteria (the server's flag). */
	gateFlagged: boolean;
	changes: StandupChange[];
	/** Nothing logged and nothing edited since the last stand-up. */
	untouched: boolean;
}

/** Which cards the stand-up walks: all, those changed since the last one, or those changed or needing attention. */
export const AGENDA_FILTERS = ['all', 'changed', 'attention'] as const;
export type AgendaFilter = (typeof AGENDA_FILTERS)[number];

export interface AgendaOptions {
	/** At-risk and blocked initiatives first (each group still walked right to left). */
	riskFirst: boolean;
	filter: AgendaFilter;
	/** One team only: the owning team, a contributing one, or one asked for help. */
	teamId: string | null;
}

export const DEFAULT_AGENDA_OPTIONS: AgendaOptions = { riskFirst: false, filter: 'all', teamId: null };

/** Why a card needs the meeting's attention; every list of such cards says which. */
export type AttentionReason = 'off-track' | 'at-risk' | 'missed' | 'help' | 'gate';

/** Off track or at risk, missed check-ins, an open help request, a skipped gate: in that order. */
export function attentionReasons(
	item: Pick<AgendaItem, 'status' | 'missed' | 'helpTeamIds' | 'gateFlagged'>
): AttentionReason[] {
	const reasons: AttentionReason[] = [];
	if (item.status === 'off-track' || item.status === 'at-risk') reasons.push(item.status);
	if (item.missed > 0) reasons.push('missed');
	if (item.helpTeamIds.length > 0) reasons.push('help');
	if (item.gateFlagged) reasons.push('gate');
	return reasons;
}

export function needsAttention(item: AgendaItem): boolean {
	return attentionReasons(item).length > 0;
}

/** The stand-up's walk: filtered by the options, right to left, in board order within a column. */
export function orderAgenda(items: AgendaItem[], options: AgendaOptions): AgendaItem[] {
	const kept = items.filter(
		(item) => keeps(item, options.filter) && (!options.teamId || involves(item, options.teamId))
	);
	const walk = (a: AgendaItem, b: AgendaItem) =>
		stageIndex(b.stage) - stageIndex(a.stage) || (a.rank < b.rank ? -1 : a.rank > b.rank ? 1 : 0);
	const first = (item: AgendaItem) => (options.riskFirst && needsAttention(item) ? 0 : 1);
	return kept.sort((a, b) => first(a) - first(b) || walk(a, b));
}

function keeps(item: AgendaItem, filter: AgendaFilter): boolean {
	if (filter === 'changed') return !item.untouched;
	if (filter === 'attention') return !item.untouched || needsAttention(item);
	return true;
}

function involves(item: AgendaItem, teamId: string): boolean {
	return item.teamId === teamId || item.contributingTeamIds.includes(teamId) || item.helpTeamIds.includes(teamId);
}
