import type { Stage } from '../stages.ts';
import type { Status } from '../method/types.ts';
import { attentionReasons, type AttentionReason } from './agenda.ts';
import { localDate } from '../method/dates.ts';

/**
 * What a closed stand-up leaves behind, frozen at its close (names included, so the record reads the
 * same after people or cards change). The summary page and its Markdown are rendered from it.
 */
export interface StandupSummary {
	boardName: string;
	/** The language the summary is written in: the facilitator's when the stand-up started. */
	locale: 'fr' | 'en';
	timeZone: string;
	facilitator: string;
	/** Epoch ms: the period "since the last stand-up" and the meeting itself. */
	since: number;
	startedAt: number;
	endedAt: number;
	attendees: string[];
	reviewed: { cardId: string; title: string; seconds: number }[];
	/** Initiatives per stage at the close (archived ones not counted). */
	perStage: Record<Stage, number>;
	/** The initiatives that needed attention (not only the at-risk ones), each with why. */
	atRisk: {
		cardId: string;
		title: string;
		status: Status | null;
		missed: number;
		/** Absent from records frozen before reasons were kept: see `atRiskReasons`. */
		reasons?: AttentionReason[];
	}[];
	decisions: { cardId: string; title: string; text: string; owner: string | null; due: string | null }[];
	/** Initiatives that reached an outcome during the period. */
	outcomes: { cardId: string; title: string; verdict: string }[];
	signals: { guest: number; member: number };
}

/** The date of the stand-up on the board's calendar, for file names: 'YYYY-MM-DD'. */
export function summaryDate(summary: StandupSummary): string {
	return localDate(summary.startedAt, summary.timeZone);
}

/** Why a card of the summary's attention list is there; older records only knew the status and missed check-ins. */
export function atRiskReasons(entry: StandupSummary['atRisk'][number]): AttentionReason[] {
	return (
		entry.reasons ??
		attentionReasons({ status: entry.status, missed: entry.missed, helpTeamIds: [], gateFlagged: false })
	);
}
