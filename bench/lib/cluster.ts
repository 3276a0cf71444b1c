import { Redis } from 'ioredis';
import type { Db } from '../../src/lib/server/db/open.ts';
import { createMember, openTestDb, type Member } from '../../tests/factories/accounts.ts';
import { withAdmin } from '../../tests/factories/pg.ts';
import { startServer, type RunningServer } from '../../tests/factories/server.ts';
import type { ServerStats } from './server-stats.ts';
import { sleep } from './stats.ts';
import { oursEnv, seedBoards, statsEnv, type Endpoint, type ProcessOptions } from './targets.ts';

/** Where C1 finds PostgreSQL (an admin connection: it creates a database per cluster) and Redis. */
export const CLUSTER_PG_URL = process.env.PG_URL || 'postgres://postgres@127.0.0.1:5432/test';
export const CLUSTER_REDIS_URL = process.env.REDIS_URL || 'redis://127.0.0.1:6379';

/** Why a cluster cannot run on this machine (PostgreSQL or Redis unreachable), or null when it can. */
export async function clusterUnavailable(): Promise<string | null> {
	try {
		await withAdmin(CLUSTER_PG_URL, (admin) => admin.query('SELECT 1'));
	} catch (error) {
		return `PostgreSQL unreachable at ${CLUSTER_PG_URL} (${String(error)}; set PG_URL)`;
	}
	const redis = new Redis(CLUSTER_REDIS_URL, { lazyConnect: true, connectTimeout: 3000, retryStrategy: () => null });
	redis.on('error', () => undefined);
	try {
		await redis.connect();
		await redis.ping();
		return null;
	} catch (error) {
		return `Redis unreachable at ${CLUSTER_REDIS_URL} (${String(error)}; set REDIS_URL)`;
	} finally {
		redis.disconnect();
	}
}

/** One server process of a bench cluster. */
export interface ClusterNode {
	name: string;
	/** Its NODE_ID: the origin of what it publishes on Redis. */
	nodeId: string;
	server: RunningServer;
	stats: ServerStats;
	endpoint: Endpoint;
	pid: number;
}

export interface BenchCluster {
	databaseName: string;
	/** The bench's own connection to the shared database. */
	db: Db;
	member: Member;
	nodes: ClusterNode[];
	node(i: number): ClusterNode;
	addBoards(contents: Uint8Array[]): Promise<string[]>;
	/** Stops the processes still running and drops the database. */
	stop(): Promise<void>;
}

let clusters = 0;

async function pidOf(stats: ServerStats): Promise<number> {
	for (let i = 0; i < 50; i++) {
		const pid = stats.pid();
		if (pid) return pid;
		await sleep(50);
	}
	throw new Error(`no server samples in ${stats.file}`);
}

/**
 * `redisUrls.length` real server processes (the built server, `node server/index.ts`, with the bench's
 * stats hook) on one fresh PostgreSQL database, the i-th reaching Redis at `redisUrls[i]` (a proxy, or
 * Redis itself); one member owns every board.
 */
export async function startBenchCluster(options: ProcessOptions, redisUrls: string[]): Promise<BenchCluster> {
	const databaseName = `bench_c1_${Date.now().toString(36)}_${process.pid}_${++clusters}`;
	await withAdmin(CLUSTER_PG_URL, (admin) => admin.query(`CREATE DATABASE ${databaseName}`));
	const url = new URL(CLUSTER_PG_URL);
	url.pathname = `/${databaseName}`;
	const nodes: ClusterNode[] = [];
	let db: Db | null = null;
	const stop = async () => {
		await Promise.all(nodes.map((n) => n.server.stop()));
		await db?.destroy();
		await withAdmin(CLUSTER_PG_URL, (admin) => admin.query(`DROP DATABASE IF EXISTS ${databaseName} WITH (FORCE)`));
	};
	try {
		// One at a time: the first runs the migrations, the others find them done.
		for (const [i, redisUrl] of redisUrls.entries()) {
			const name = String.fromCharCode(65 + i);
			const nodeId = `bench-${process.pid}-${clusters}-${name}`;
			const { env, stats } = statsEnv(options, true);
			const server = await startServer({
				dbPath: url.toString(),
				env: oursEnv({ ...env, REDIS_URL: redisUrl, NODE_ID: nodeId })
			});
			const endpoint = { kind: 'ours' as const, url: server.url, cookie: '' };
			nodes.push({ name, nodeId, server, stats, endpoint, pid: await pidOf(stats) });
		}
		db = openTestDb(url.toString());
		const member = await createMember(db, 'Bench');
		for (const node of nodes) node.endpoint.cookie = member.cookie;
		const opened = db;
		return {
			databaseName,
			db: opened,
			member,
			nodes,
			node(i) {
				const node = nodes[i];
				if (!node) throw new Error(`no node ${i} in this cluster`);
				return node;
			},
			addBoards: (contents) => seedBoards(opened, member, contents),
			stop
		};
	} catch (error) {
		await stop();
		throw error;
	}
}
