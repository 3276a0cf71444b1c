import { createTempPgDatabase } from './pg.ts';
import { startServer, type RunningServer } from './server.ts';

export const REDIS_URL = process.env.REDIS_URL || 'redis://127.0.0.1:6379';

export interface Cluster {
	/** The PostgreSQL database all of them share. */
	databaseUrl: string;
	servers: RunningServer[];
	/** The i-th server (0-based). */
	server(i: number): RunningServer;
	stop(): Promise<void>;
}

/** `count` real server processes on one fresh PostgreSQL database and the real Redis. */
export async function startCluster(count: number, env: Record<string, string> = {}): Promise<Cluster> {
	const databaseUrl = await createTempPgDatabase();
	const servers: RunningServer[] = [];
	// One at a time: the first runs the migrations, the others find them done.
	for (let i = 0; i < count; i++)
		servers.push(await startServer({ dbPath: databaseUrl, env: { REDIS_URL, NODE_ID: `node${i}`, ...env } }));
	return {
		databaseUrl,
		servers,
		server(i) {
			const server = servers[i];
			if (!server) throw new Error(`no server ${i} in this cluster`);
			return server;
		},
		async stop() {
			await Promise.all(servers.map((s) => s.stop()));
		}
	};
}
