/** The rate limits' counters (migration 2026-11-25-001). */
export interface RateLimitTables {
	rate_limit: { key: string; window_start: number; hits: number };
}
