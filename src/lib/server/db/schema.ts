/** Row types of the database, as Kysely sees them. Times are epoch milliseconds. */
export interface Database {
	organization: { id: string; name: string; created_at: number };
	user: {
		id: string;
		email: string;
		name: string;
		password_hash: string;
		color: string;
		created_at: number;
	};
	membership: { organization_id: string; user_id: string; role: OrgRole; created_at: number };
	team: { id: string; organization_id: string; name: string; color: string };
	team_member: { team_id: string; user_id: string };
	session: { id: string; user_id: string; expires_at: number };
	board: {
		id: string;
		organization_id: string;
		name: string;
		created_at: number;
		updated_at: number;
	};
	board_update: {
		board_id: string;
		seq: number;
		data: Uint8Array;
		user_id: string | null;
		created_at: number;
	};
	board_snapshot: { board_id: string; seq: number; data: Uint8Array; created_at: number };
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
	};
}

export type OrgRole = 'owner' | 'manager' | 'member' | 'guest';
