/** The REST API's tables (migration 2026-12-06-007). */
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
}
