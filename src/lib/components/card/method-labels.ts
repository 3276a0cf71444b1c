import { m } from '#lib/paraglide/messages.js';
import type { Cadence, OutcomeVerdict, Status, Verdict } from '#lib/domain/method/types.ts';

/** The method's words in the user's language. A check-in's confidence is a status too. */
const STATUS_LABELS: Record<Status, () => string> = {
	'on-track': m.status_on_track,
	'at-risk': m.status_at_risk,
	'off-track': m.status_off_track,
	'no-data': m.status_no_data
};

const CADENCE_LABELS: Record<Cadence, () => string> = {
	weekly: m.rollout_cadence_weekly,
	biweekly: m.rollout_cadence_biweekly,
	monthly: m.rollout_cadence_monthly
};

const VERDICT_LABELS: Record<Verdict, () => string> = {
	go: m.rollout_verdict_go,
	'no-go': m.rollout_verdict_no_go
};

const OUTCOME_LABELS: Record<OutcomeVerdict, () => string> = {
	generalised: m.outcome_verdict_generalised,
	adjusted: m.outcome_verdict_adjusted,
	abandoned: m.outcome_verdict_abandoned
};

export const statusLabel = (status: Status): string => STATUS_LABELS[status]();
export const cadenceLabel = (cadence: Cadence): string => CADENCE_LABELS[cadence]();
export const verdictLabel = (verdict: Verdict): string => VERDICT_LABELS[verdict]();
export const outcomeLabel = (verdict: OutcomeVerdict): string => OUTCOME_LABELS[verdict]();

/** A measured value as people write it in `locale`, with the objective's unit when there is one. */
export function formatAmount(value: number, unit: string | undefined, locale: string): string {
	const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 6 }).format(value);
	return unit ? m.checkin_amount({ value: number, unit }) : number;
}

/** A share (1 = 100 %) as a whole percentage in `locale`, e.g. "112 %". */
export function formatPercent(share: number, locale: string): string {
	return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(share);
}

/** A number to put back into a text field: no grouping, every digit, the locale's decimal sign ("12,5"). */
export function editableNumber(value: number, locale: string): string {
	return new Intl.NumberFormat(locale, { useGrouping: false, maximumFractionDigits: 20 }).format(value);
}
