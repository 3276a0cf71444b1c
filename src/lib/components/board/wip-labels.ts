import { m } from '#lib/paraglide/messages.js';
import type { LimitBreach } from '#lib/domain/method/wip-limits.ts';
import { stageLabel } from '#lib/i18n/labels.ts';

/** A full limit in words; `teamName` finds a team's name (its id when it is unknown). */
export function breachLabel(breach: LimitBreach, teamName: (teamId: string) => string): string {
	const { count, limit } = breach;
	return breach.code === 'stage-limit'
		? m.wip_breach_stage({ stage: stageLabel(breach.stage), count, limit })
		: m.wip_breach_team({ team: teamName(breach.teamId), count, limit });
}
