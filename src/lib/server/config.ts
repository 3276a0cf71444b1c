/** Server settings, all from environment variables (listed in the README). */
export interface Config {
	databaseUrl: string;
	/** The public origin (adapter-node's ORIGIN); when unset, requests are trusted to name their own host. */
	origin: string | null;
	seedDemo: boolean;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
	return {
		databaseUrl: env.DATABASE_URL || 'file:data/bouture.db',
		origin: env.ORIGIN ? new URL(env.ORIGIN).origin : null,
		seedDemo: !/^(0|false|no|off)$/i.test(env.SEED_DEMO ?? 'true')
	};
}
