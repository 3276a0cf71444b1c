import type { Generated } from 'kysely';

/** The REST API's and the webhooks' tables (migration 2026-12-06-007). */
export interface ApiTables {
	api_token: {
		id: string;
		/** SHA-256 (hex) of the token, which only its owner ever saw. */
		token_hash: string;
		user_id: string;
		organization_id: string;
		name: string;
		access: 'read' | 'write';
		created_at: number;
		expires_at: number | null;
		last_used_at: number | null;
	};
	webhook: {
		id: string;
		organization_id: string;
		/** Null: every board of the organisation. */
		board_id: string | null;
		url: string;
		secret: string;
		/** JSON list of event names. */
		events: string;
		created_by: string;
		created_at: number;
		consecutive_failures: Generated<number>;
		disabled_at: number | null;
	};
	webhook_delivery: {
		id: string;
		webhook_id: string;
		event: string;
		/** The JSON body sent, exactly as signed. */
		payload: string;
		status: 'pending' | 'delivered' | 'failed';
		attempts: Generated<number>;
		next_attempt_at: number;
		response_code: number | null;
		error: string | null;
		created_at: number;
		finished_at: number | null;
	};
}
