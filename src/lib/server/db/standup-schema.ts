/** Tables of the weekly stand-up (migrations 006 and 2026-12-06-001). */
export interface StandupTables {
	standup: {
		id: string;
		board_id: string;
		facilitator_id: string;
		since: number;
		started_at: number;
		ended_at: number | null;
		time_box: number;
		locale: string;
		/** JSON (StandupSummary), frozen at close. */
		summary: string | null;
		/** JSON (AgendaOptions) chosen at the start; null before migration 2026-12-06-001. */
		options: string | null;
		/** JSON list of card ids: the agenda as it stood at the start, in walking order. */
		agenda: string | null;
	};
	standup_attendee: { standup_id: string; user_id: string; joined_at: number };
	standup_card: { standup_id: string; card_id: string; seconds: number; reviewed_at: number };
	standup_decision: {
		id: string;
		standup_id: string;
		card_id: string;
		text: string;
		owner_id: string | null;
		due_date: string | null;
		created_by: string;
		created_at: number;
	};
}
