import { m } from '#lib/paraglide/messages.js';
import type { OutcomeVerdict, Verdict } from '#lib/domain/method/types.ts';
import type { StandupChange } from '#lib/domain/standup/changes.ts';
import { outcomeLabel, stageLabel, statusLabel, verdictLabel } from '#lib/i18n/labels.ts';

/** One change since the last stand-up, said in words: who did what (the time is shown beside it). */
export function changeLine(
	change: StandupChange,
	nameOf: (id: string | null) => string,
	teamName: (id: string) => string
) {
	const name = nameOf(change.actorId);
	switch (change.kind) {
		case 'created':
			return m.activity_created({ name, stage: stageLabel(change.stage) });
		case 'moved':
			return m.activity_moved({ name, from: stageLabel(change.from), to: stageLabel(change.to) });
		case 'check-in':
			return change.before === change.after
				? m.standup_change_check_in({ name, value: change.value, status: statusLabel(change.after) })
				: m.standup_change_check_in_status({
						name,
						value: change.value,
						before: statusLabel(change.before),
						after: statusLabel(change.after)
					});
		case 'phase-decision':
			return m.activity_decision({ name, verdict: verdictLabel(change.verdict as Verdict), phase: change.phase });
		case 'action':
			return m.standup_change_action({ name, text: change.text });
		case 'outcome':
			return m.activity_outcome({ name, verdict: outcomeLabel(change.verdict as OutcomeVerdict) });
		case 'comment':
			return m.standup_change_comment({ name, excerpt: change.excerpt });
		case 'signal':
			return change.guest
				? m.standup_change_guest_feedback({ company: change.company || m.signal_unknown_company(), text: change.text })
				: m.standup_change_signal({ name, text: change.text });
		case 'help':
			return m.standup_change_help({ name, team: teamName(change.teamId) });
		case 'gate':
			return change.forced
				? m.standup_change_gate_forced({ name, from: stageLabel(change.from), to: stageLabel(change.to) })
				: m.activity_gate_flagged({ name, from: stageLabel(change.from), to: stageLabel(change.to) });
	}
}
