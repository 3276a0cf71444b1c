import type { Generated } from 'kysely';
import type { ApiTables } from './api-schema.ts';
import type { MailTables } from './mail-schema.ts';
import type { RateLimitTables } from './rate-limit-schema.ts';
/** Row types of the database, as Kysely sees them. Times are epoch milliseconds. */
export interface Database
	extends ConversationTables, StandupTables, CheckInTables, RateLimitTables, ApiTables, MailTables {
	organization: { id: string; name: string; created_at: number };
	user: {
		id: string;
		email: string;
		name: string;
		password_hash: string;
		color: string;
		created_at: number;
	};
	membership: {
		organization_id: string;
		user_id: string;
		role: OrgRole;
		created_at: number;
		/** Guests only: the partner or client company they belong to. */
		company: string | null;
	};
	team: { id: string; organization_id: string; name: string; color: string };
	team_member: { team_id: string; user_id: string };
	session: {
		id: string;
		user_id: string;
		expires_at: number;
		created_at: number | null;
		user_agent: string | null;
	};
	board: {
		id: string;
		organization_id: string;
		name: string;
		created_at: number;
		updated_at: number;
		visibility: Generated<'organisation' | 'restricted'>;
		standup_day: Generated<number>;
		standup_time: Generated<string>;
		standup_time_box: Generated<number>;
		/** Minutes for the whole stand-up (migration 2026-12-06-001). */
		standup_length: Generated<number>;
	};
	board_grant: { board_id: string; subject: 'user' | 'team'; subject_id: string; level: 'edit' | 'read' };
	invitation: {
		/** SHA-256 of the link's token. */
		id: string;
		organization_id: string;
		role: OrgRole;
		company: string | null;
		board_id: string | null;
		created_by: string;
		created_at: number;
		expires_at: number;
		used_at: number | null;
		used_by: string | null;
		revoked_at: number | null;
	};
	board_update: {
		board_id: string;
		seq: number;
		data: Uint8Array;
		user_id: string | null;
		created_at: number;
	};
	board_snapshot: { board_id: string; seq: number; data: Uint8Array; created_at: number };
	/** The last sequence number handed out for a board's document (migration 2026-12-06-003). */
	board_head: { board_id: string; seq: number; generation: Generated<number> };
	feed_head: { board_id: string; seq: number; generation: Generated<number> };
	/** Ended generations of a board's document, kept for restore (migration 2026-12-07-001, sync/generations.ts). */
	board_generation: { board_id: string; generation: number; data: Uint8Array; ended_at: number };
	/** Who does the side effects of a board or a periodic job (migration 2026-12-06-010, cluster/lease.ts). */
	board_lease: { key: string; holder: string; epoch: number; expires_at: number };
	/** The read-only feed documents, stored like the boards' (see sync/doc-tables.ts). */
	feed_update: {
		board_id: string;
		seq: number;
		data: Uint8Array;
		user_id: string | null;
		created_at: number;
	};
	feed_snapshot: { board_id: string; seq: number; data: Uint8Array; created_at: number };
	card: {
		id: string;
		board_id: string;
		title: string;
		stage: string;
		rank: string;
		archived: number;
		updated_at: number;
		owner_id: string | null;
		team_id: string | null;
		/** JSON: the companies whose guests see the card, ["*"] for every guest, [] for none. */
		shared_with: Generated<string>;
		/** JSON: the guest-safe view of the card (see sync/guest-view.ts). */
		guest_view: Generated<string>;
		/** JSON: what the check-in schedule reads (see sync/check-in-plan.ts); null without a phase. */
		check_in_plan: string | null;
	};
}

export interface CheckInTables {
	/** Check-in notices sent, one per card, kind ('check-in-due' | 'check-in-missed') and due date. */
	check_in_notice: { card_id: string; kind: string; due_date: string; board_id: string; created_at: number };
}

export interface ConversationTables {
	card_event: {
		id: string;
		board_id: string;
		card_id: string;
		kind: string;
		actor_id: string | null;
		/** JSON. */
		data: string;
		created_at: number;
	};
	comment: {
		id: string;
		board_id: string;
		card_id: string;
		parent_id: string | null;
		author_id: string;
		body: string;
		created_at: number;
		edited_at: number | null;
		deleted_at: number | null;
	};
	comment_version: { comment_id: string; body: string; replaced_at: number };
	notification: {
		id: string;
		user_id: string;
		kind: string;
		board_id: string | null;
		card_id: string | null;
		actor_id: string | null;
		/** JSON. */
		data: string;
		created_at: number;
		read_at: number | null;
	};
	notification_setting: { user_id: string; kind: string; enabled: number };
	card_follow: { user_id: string; card_id: string; board_id: string; following: number };
}

import type { StandupTables } from './standup-schema.ts';
export type { OrgRole } from '#lib/domain/permissions.ts';
import type { OrgRole } from '#lib/domain/permissions.ts';
