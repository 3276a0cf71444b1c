import { CLUSTER_REDIS_URL, clusterUnavailable, startBenchCluster, type BenchCluster } from '../lib/cluster.ts';
import type { Context, Row, Scenario } from '../lib/scenario.ts';
import { TcpProxy } from '../lib/tcp-proxy.ts';
import { appendOnPostgres, appendOnSqlite, appendRows } from './c1-append.ts';
import { measureCrash } from './c1-crash.ts';
import { measureDelivery } from './c1-delivery.ts';
import { measureLoad } from './c1-load.ts';
import { measureRedisCut } from './c1-redis-cut.ts';
import { c1Row } from './c1-rows.ts';

/** C1's rows; a measure that fails is a row of its own, and the next measures still run. */
class Measures {
	readonly rows: Row[] = [];
	failures = 0;
	readonly #context: Context;

	constructor(context: Context) {
		this.#context = context;
	}

	async run(part: string, measure: () => Promise<Row[]>): Promise<void> {
		try {
			this.rows.push(...(await measure()));
		} catch (error) {
			this.failures++;
			this.#context.log(`${part} failed: ${String(error)}`);
			this.rows.push(c1Row(part, 'failed', '', null, { met: false, note: String(error).split('\n')[0] }));
		}
	}

	/** Runs `use` on a new cluster, stopped after; the servers' output is shown when a measure failed. */
	async onCluster(redisUrls: string[], use: (cluster: BenchCluster) => Promise<void>): Promise<void> {
		this.#context.log('starting two server processes on a fresh PostgreSQL database…');
		const cluster = await startBenchCluster(this.#context.oursProcess, redisUrls);
		const failuresBefore = this.failures;
		try {
			await use(cluster);
		} finally {
			if (this.failures > failuresBefore)
				for (const node of cluster.nodes)
					this.#context.log(`process ${node.name} output:\n${node.server.log().slice(-2000)}`);
			await cluster.stop();
		}
	}
}

/**
 * Issue 16's benchmark: two real server processes (the build) on one fresh PostgreSQL database and
 * Redis. A first cluster, both on Redis directly: delivery, load and resources, append latency (against
 * SQLite). A second, A behind a TCP proxy to Redis: the Redis cut, then kill -9 under load.
 */
export const c1: Scenario = {
	id: 'C1',
	title: 'cluster: two processes on PostgreSQL and Redis',
	async run(context) {
		const unavailable = await clusterUnavailable();
		if (unavailable) {
			context.log(`skipped: ${unavailable}`);
			return [c1Row('skipped', 'skipped', '', null, { note: unavailable })];
		}
		const measures = new Measures(context);
		await measures.onCluster([CLUSTER_REDIS_URL, CLUSTER_REDIS_URL], async (cluster) => {
			await measures.run('delivery', () => measureDelivery(context, cluster));
			await measures.run('write load', () => measureLoad(context, cluster));
			await measures.run('append', async () =>
				appendRows(context, await appendOnPostgres(context, cluster), await appendOnSqlite(context))
			);
		});
		const redis = new URL(CLUSTER_REDIS_URL);
		const proxy = await TcpProxy.start(redis.hostname, Number(redis.port || 6379));
		try {
			const viaProxy = new URL(CLUSTER_REDIS_URL);
			viaProxy.hostname = '127.0.0.1';
			viaProxy.port = String(proxy.port);
			await measures.onCluster([viaProxy.toString(), CLUSTER_REDIS_URL], async (cluster) => {
				await measures.run('Redis cut', () => measureRedisCut(context, cluster, proxy));
				await measures.run('kill -9', () => measureCrash(context, cluster));
			});
		} finally {
			await proxy.close();
		}
		return measures.rows;
	}
};
