import { createTempPgDatabase } from './pg.ts';
import { startServer, type RunningServer } from './server.ts';

export const REDIS_URL = process.env.REDIS_URL || 'redis://127.0.0.1:6379';

/** Extra environment of the i-th process (0-based): the same for all, or one per process. */
export type ClusterEnv = Record<string, string> | ((i: number) => Record<string, string>);

export interface Cluster {
	/** The PostgreSQL database all of them share. */
	databaseUrl: string;
	/** The processes by slot; a restarted one takes its slot's place (with a new port). */
	servers: RunningServer[];
	/** The i-th server (0-based). */
	server(i: number): RunningServer;
	/** Whether slot i's process runs (not killed or stopped since its last start). */
	isUp(i: number): boolean;
	/** SIGKILL on slot i's process: a crash, nothing flushed. */
	kill(i: number): Promise<void>;
	/** A fresh process in slot i, on the same database and Redis, once the old one is gone (killed or stopped). */
	restart(i: number): Promise<RunningServer>;
	stop(): Promise<void>;
}

/** `count` real server processes on one fresh PostgreSQL database and the real Redis. */
export async function startCluster(count: number, env: ClusterEnv = {}): Promise<Cluster> {
	const databaseUrl = await createTempPgDatabase();
	const envOf = (i: number) => (typeof env === 'function' ? env(i) : env);
	const starts = new Array<number>(count).fill(0);
	const start = (i: number) => {
		starts[i] = (starts[i] ?? 0) + 1;
		// A new name per start, as a new process on the same host would have.
		const nodeId = starts[i] === 1 ? `node${i}` : `node${i}-${starts[i]}`;
		// Generous: a busy machine starts a process slowly, and restarts happen under load.
		return startServer({
			dbPath: databaseUrl,
			env: { REDIS_URL, NODE_ID: nodeId, ...envOf(i) },
			startTimeoutMs: 45_000
		});
	};
	const servers: RunningServer[] = [];
	const up = new Set<number>();
	// One at a time: the first runs the migrations, the others find them done.
	for (let i = 0; i < count; i++) {
		servers.push(await start(i));
		up.add(i);
	}
	const server = (i: number) => {
		const found = servers[i];
		if (!found) throw new Error(`no server ${i} in this cluster`);
		return found;
	};
	return {
		databaseUrl,
		servers,
		server,
		isUp: (i) => up.has(i),
		async kill(i) {
			up.delete(i);
			await server(i).kill();
		},
		async restart(i) {
			up.delete(i);
			await server(i).stop();
			servers[i] = await start(i);
			up.add(i);
			return servers[i];
		},
		async stop() {
			up.clear();
			await Promise.all(servers.map((s) => s.stop()));
		}
	};
}
