import * as decoding from 'lib0/decoding';
import { Redis } from 'ioredis';
import { withAdmin } from '../../tests/factories/pg.ts';
import { CLUSTER_PG_URL, CLUSTER_REDIS_URL, type BenchCluster } from './cluster.ts';
import { cpuPercent, sampleProc, type ProcSample } from './proc-usage.ts';

/**
 * Counts the messages a cluster's processes publish on Redis, from a subscriber of its own: only
 * those whose envelope names one of `origins` (other work may share the Redis server).
 */
export class RedisCounter {
	readonly #redis: Redis;
	#count = 0;

	private constructor(redis: Redis) {
		this.#redis = redis;
	}

	static async start(origins: readonly string[]): Promise<RedisCounter> {
		const redis = new Redis(CLUSTER_REDIS_URL, { connectionName: 'bouture-bench-counter' });
		const counter = new RedisCounter(redis);
		redis.on('pmessageBuffer', (_pattern: Buffer, _channel: Buffer, data: Buffer) => {
			try {
				const origin = decoding.readVarString(decoding.createDecoder(new Uint8Array(data)));
				if (origins.includes(origin)) counter.#count++;
			} catch {
				// not a bus envelope
			}
		});
		await redis.psubscribe('bouture:*');
		return counter;
	}

	get count(): number {
		return this.#count;
	}

	async close(): Promise<void> {
		await this.#redis.quit().catch(() => undefined);
	}
}

/** Transactions committed in one database so far (PostgreSQL's statistics lag up to a second). */
export async function commitsOf(databaseName: string): Promise<number> {
	return withAdmin(CLUSTER_PG_URL, async (admin) => {
		const { rows } = await admin.query<{ n: string }>(
			'SELECT xact_commit AS n FROM pg_stat_database WHERE datname = $1',
			[databaseName]
		);
		return Number(rows[0]?.n ?? NaN);
	});
}

export interface ClusterUsage {
	/** Per process, in the cluster's order. */
	cpuPct: number[];
	rssMb: number[];
	commitsPerSecond: number;
	redisPerSecond: number;
}

interface Mark {
	at: number;
	procs: ProcSample[];
	commits: number;
	published: number;
}

/** What the cluster's processes, its database and Redis did between `begin()` and `end()`. */
export class ClusterMeter {
	readonly #cluster: BenchCluster;
	readonly #counter: RedisCounter;
	#start: Mark | null = null;

	private constructor(cluster: BenchCluster, counter: RedisCounter) {
		this.#cluster = cluster;
		this.#counter = counter;
	}

	static async start(cluster: BenchCluster): Promise<ClusterMeter> {
		return new ClusterMeter(cluster, await RedisCounter.start(cluster.nodes.map((n) => n.nodeId)));
	}

	async #mark(): Promise<Mark> {
		const commits = await commitsOf(this.#cluster.databaseName);
		const procs = this.#cluster.nodes.map((n) => sampleProc(n.pid));
		return { at: Date.now(), procs, commits, published: this.#counter.count };
	}

	async begin(): Promise<void> {
		this.#start = await this.#mark();
	}

	async end(): Promise<ClusterUsage> {
		const start = this.#start;
		if (!start) throw new Error('ClusterMeter.end before begin');
		const end = await this.#mark();
		const seconds = (end.at - start.at) / 1000;
		return {
			cpuPct: end.procs.map((p, i) => cpuPercent(start.procs[i] ?? p, p)),
			rssMb: end.procs.map((p) => p.rssMb),
			commitsPerSecond: (end.commits - start.commits) / seconds,
			redisPerSecond: (end.published - start.published) / seconds
		};
	}

	close(): Promise<void> {
		return this.#counter.close();
	}
}
