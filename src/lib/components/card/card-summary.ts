import { localDate } from '#lib/domain/method/dates.ts';
import { progress } from '#lib/domain/method/progress.ts';
import { cardStatus, nextCheckInDue, type CheckInDue, type MissedCheckIns } from '#lib/domain/method/status.ts';
import { trajectory, type Trajectory } from '#lib/domain/method/trajectory.ts';
import type { Status } from '#lib/domain/method/types.ts';
import type { BoardSettings } from '#lib/board/board-settings.ts';
import { toMethodCard } from '#lib/board/card-sections.ts';
import type { CardView } from '#lib/board/schema.ts';

/** A check-in due within this many days shows as a badge on the card face. */
export const DUE_SOON_DAYS = 3;

/** What the card face shows of the method: computed once per card change, not per render. */
export interface CardSummary {
	/** null once concluded: it then matches no status filter. */
	status: Status | null;
	missed: MissedCheckIns;
	/** The next check-in when it is due within DUE_SOON_DAYS, else null. */
	dueSoon: CheckInDue | null;
	/** 0.42 = 42 %; null without a measured value or a usable objective. */
	progress: number | null;
	/** The phase running today (or the last one started). */
	phase: string | null;
	trajectory: Trajectory | null;
	latestValue: number | null;
}

export function summarize(card: CardView, settings: BoardSettings, now: number): CardSummary {
	const method = toMethodCard(card.sections);
	const { status, missed } = cardStatus(method, now, settings.timeZone, settings);
	const latest = card.sections.checkIns.at(-1) ?? null;
	const due = nextCheckInDue(method, now, settings.timeZone);
	const today = localDate(now, settings.timeZone);
	const phase = card.sections.phases.findLast((p) => p.start <= today) ?? card.sections.phases[0] ?? null;
	return {
		status,
		missed,
		dueSoon: due && due.inDays <= DUE_SOON_DAYS ? due : null,
		progress: latest ? progress(card.sections.objective, latest.value) : null,
		phase: phase?.name ?? null,
		trajectory: trajectory(method),
		latestValue: latest?.value ?? null
	};
}
