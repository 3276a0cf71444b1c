import { m } from '#lib/paraglide/messages.js';
import type { Locale } from '#lib/paraglide/runtime.js';
import type { SIGNAL_CHANNELS, SIGNAL_SENTIMENTS, SIGNAL_SOURCES, SignalKind } from '#lib/board/signals.ts';
import type { CloseReason } from '#lib/collab/provider.ts';
import type { Missing, MissingCode } from '#lib/domain/method/gates.ts';
import type {
	Actor,
	Cadence,
	Force,
	OutcomeVerdict,
	RESOURCE_UNITS,
	Status,
	Verdict
} from '#lib/domain/method/types.ts';
import type { NotificationKind } from '#lib/domain/notify.ts';
import type { OrgRole } from '#lib/domain/permissions.ts';
import type { Stage } from '#lib/domain/stages.ts';
import type { AttentionReason } from '#lib/domain/standup/agenda.ts';

/**
 * Every code the app shows as a word (stages, statuses, verdicts, gate items, roles…) and its message,
 * in one place: the domain and the board return codes, the UI and the server's texts (e.g. the
 * stand-up summary, in the stand-up's language) name them through here. labels.test.ts walks every
 * table and checks that each code has a French and an English message.
 */

export type { Locale };
/** A paraglide message with no input, in the reader's language or in `locale`. */
type Message = (inputs?: Record<string, never>, options?: { locale?: Locale }) => string;
type Table<Code extends string> = Record<Code, Message>;

export const LABELS = {
	stage: {
		ideas: m.board_stage_ideas,
		review: m.board_stage_review,
		objective: m.board_stage_objective,
		scope: m.board_stage_scope,
		rollout: m.board_stage_rollout,
		outcome: m.board_stage_outcome
	} satisfies Table<Stage>,
	/** A check-in's confidence is a status too. */
	status: {
		'on-track': m.status_on_track,
		'at-risk': m.status_at_risk,
		'off-track': m.status_off_track,
		'no-data': m.status_no_data
	} satisfies Table<Status>,
	cadence: {
		weekly: m.rollout_cadence_weekly,
		biweekly: m.rollout_cadence_biweekly,
		monthly: m.rollout_cadence_monthly
	} satisfies Table<Cadence>,
	verdict: { go: m.rollout_verdict_go, 'no-go': m.rollout_verdict_no_go } satisfies Table<Verdict>,
	verdictHint: { go: m.rollout_verdict_go_hint, 'no-go': m.rollout_verdict_no_go_hint } satisfies Table<Verdict>,
	outcome: {
		generalised: m.outcome_verdict_generalised,
		adjusted: m.outcome_verdict_adjusted,
		abandoned: m.outcome_verdict_abandoned
	} satisfies Table<OutcomeVerdict>,
	actor: {
		clients: m.review_actor_clients,
		partners: m.review_actor_partners,
		suppliers: m.review_actor_suppliers,
		competitors: m.review_actor_competitors,
		prescribers: m.review_actor_prescribers
	} satisfies Table<Actor>,
	force: {
		buyersPower: m.review_force_buyers,
		suppliersPower: m.review_force_suppliers,
		newEntrants: m.review_force_entrants,
		substitutes: m.review_force_substitutes,
		rivalry: m.review_force_rivalry
	} satisfies Table<Force>,
	forceRating: {
		'1': m.review_force_rating_1,
		'2': m.review_force_rating_2,
		'3': m.review_force_rating_3,
		'4': m.review_force_rating_4,
		'5': m.review_force_rating_5
	} satisfies Table<'1' | '2' | '3' | '4' | '5'>,
	/** The usual resource units, stored under a canonical name (see resource-units.ts). */
	resourceUnit: {
		'hours/week': m.scope_unit_hours_week,
		days: m.scope_unit_days,
		'€': m.scope_unit_euros
	} satisfies Table<(typeof RESOURCE_UNITS)[number]>,
	/** What a gate finds missing; `segments-too-many` and `target-direction` have own wordings below. */
	missing: {
		strengths: m.gate_missing_strengths,
		difficulties: m.gate_missing_difficulties,
		metric: m.gate_missing_metric,
		baseline: m.gate_missing_baseline,
		target: m.gate_missing_target,
		'target-direction': m.gate_missing_target_direction,
		deadline: m.gate_missing_deadline,
		owner: m.gate_missing_owner,
		team: m.gate_missing_team,
		segments: m.gate_missing_segments,
		'check-in': m.gate_missing_check_in,
		phases: m.gate_missing_phases,
		decision: m.gate_missing_decision
	} satisfies Table<Exclude<MissingCode, 'segments-too-many'>>,
	signalKind: {
		works: m.signal_kind_works,
		fails: m.signal_kind_fails,
		idea: m.signal_kind_idea
	} satisfies Table<SignalKind>,
	signalSource: {
		client: m.msignal_source_client,
		partner: m.msignal_source_partner,
		supplier: m.msignal_source_supplier,
		employee: m.msignal_source_employee,
		other: m.msignal_source_other
	} satisfies Table<(typeof SIGNAL_SOURCES)[number]>,
	signalChannel: {
		visit: m.msignal_channel_visit,
		phone: m.msignal_channel_phone,
		email: m.msignal_channel_email,
		social: m.msignal_channel_social,
		other: m.msignal_channel_other
	} satisfies Table<(typeof SIGNAL_CHANNELS)[number]>,
	signalSentiment: {
		positive: m.msignal_sentiment_positive,
		neutral: m.msignal_sentiment_neutral,
		negative: m.msignal_sentiment_negative
	} satisfies Table<(typeof SIGNAL_SENTIMENTS)[number]>,
	/** A role as the people list names it. */
	role: {
		owner: m.admin_role_owner,
		manager: m.admin_role_manager,
		member: m.admin_role_member,
		guest: m.admin_role_guest
	} satisfies Table<OrgRole>,
	/** A role as an invitation offers it (a guest is "a client or partner"). */
	inviteRole: {
		owner: m.invite_role_owner,
		manager: m.invite_role_manager,
		member: m.invite_role_member,
		guest: m.invite_role_guest
	} satisfies Table<OrgRole>,
	closeReason: {
		unauthorized: m.conn_closed_unauthorized,
		forbidden: m.conn_closed_forbidden,
		notFound: m.conn_closed_not_found,
		badMessage: m.conn_closed_bad_message,
		tooLarge: m.conn_closed_too_large,
		tooManyMessages: m.conn_closed_too_many,
		refused: m.conn_closed_refused
	} satisfies Table<CloseReason>,
	/** The inbox's settings: which notifications a person receives. */
	notificationSetting: {
		mention: m.notif_setting_mention,
		reply: m.notif_setting_reply,
		help: m.notif_setting_help,
		'help-closed': m.notif_setting_help_closed,
		'check-in': m.notif_setting_check_in,
		signal: m.notif_setting_signal,
		stage: m.notif_setting_stage
	} satisfies Table<NotificationKind>
} as const;

type Labels = typeof LABELS;

/** The label of `code` in the table `kind`, in the reader's language or in `locale`. */
export function label<K extends keyof Labels>(kind: K, code: keyof Labels[K], locale?: Locale): string {
	const message = LABELS[kind][code] as Message;
	return message({}, locale ? { locale } : {});
}

export const stageLabel = (stage: Stage, locale?: Locale): string => label('stage', stage, locale);
export const statusLabel = (status: Status, locale?: Locale): string => label('status', status, locale);
export const cadenceLabel = (cadence: Cadence): string => label('cadence', cadence);

/** Why a card needs attention, in words: "Off track", "2 missed check-ins", "Help requested"… */
export function attentionLabel(reason: AttentionReason, missed: number, locale?: Locale): string {
	const o = locale ? { locale } : {};
	if (reason === 'off-track' || reason === 'at-risk') return statusLabel(reason, locale);
	if (reason === 'missed') return m.standup_flag_missed({ count: missed }, o);
	return reason === 'help' ? m.standup_flag_help({}, o) : m.standup_flag_gate({}, o);
}
export const verdictLabel = (verdict: Verdict): string => label('verdict', verdict);
export const outcomeLabel = (verdict: OutcomeVerdict, locale?: Locale): string => label('outcome', verdict, locale);
export const actorLabel = (actor: Actor): string => label('actor', actor);
export const forceLabel = (force: Force): string => label('force', force);
export const signalKindLabel = (kind: SignalKind): string => label('signalKind', kind);
export const roleLabel = (role: OrgRole): string => label('role', role);
export const inviteRoleLabel = (role: OrgRole): string => label('inviteRole', role);
export const closeReasonLabel = (reason: CloseReason): string => label('closeReason', reason);

/** What a card lacks, in the user's language: one exact sentence per missing item. */
export function missingLabel(missing: Missing): string {
	if (missing.code === 'segments-too-many') return m.gate_missing_segments_too_many({ max: missing.max });
	if (missing.code === 'target-direction')
		return missing.direction === 'increase' ? m.gate_missing_target_above() : m.gate_missing_target_below();
	return label('missing', missing.code);
}

/** The wording of a stored gate code (gate flags and overrides keep codes only), or the code itself. */
export function missingCodeLabel(code: string, maxSegments: number): string {
	if (code === 'segments-too-many') return m.gate_missing_segments_too_many({ max: maxSegments });
	if (code === 'stage-limit') return m.wip_code_stage();
	if (code === 'team-limit') return m.wip_code_team();
	return Object.hasOwn(LABELS.missing, code) ? label('missing', code as keyof Labels['missing']) : code;
}
