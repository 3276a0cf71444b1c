import { readConfig, type Config } from './config.ts';
import { openDatabase } from './db/open.ts';
import { migrateToLatest } from './db/migrate.ts';
import { createMailer } from './mail.ts';
import { DEFAULT_MAIL_POLL_MS, DEFAULT_MAIL_RETRY_BASE_MS, mailQueue, startMailOutbox } from './mail-outbox.ts';
import { SyncHub } from './sync/hub.ts';
import { deploymentPrefix, RedisBus, soloBus } from './cluster/bus.ts';
import { admitMembers, reassessMembers } from './sync/admit.ts';
import { DbLeases, LEASE_TTL_MS, soloLeases, whileHolding } from './cluster/lease.ts';
import { startProjection, type BoardProjection } from './projection/board-projection.ts';
import { boardLevelOf } from './services/boards.ts';
import { seedDemoIfEmpty, type DemoLogin } from './seed/demo.ts';
import type { Runtime } from './runtime.ts';
import { startBoardActivity } from './services/board-activity.ts';
import { startCheckInSchedule } from './services/check-in-schedule.ts';
import { DEFAULT_POLL_MS, DEFAULT_RETRY_BASE_MS, startWebhookWorker } from './webhooks/worker.ts';

/** Opens the database, migrates, seeds when asked, and starts the sync hub (runtime.ts keeps the process's one). */
export async function startRuntime(
	config: Config = readConfig()
): Promise<{ runtime: Runtime; demo: DemoLogin[] | null }> {
	const db = openDatabase(config.databaseUrl);
	await migrateToLatest(db);
	const bus = config.redisUrl
		? new RedisBus(config.redisUrl, config.nodeId, deploymentPrefix(config.databaseUrl))
		: soloBus;
	// Alone, this process does every side effect; in a cluster, the holder of each lease does.
	const ttlMs = config.leaseTtlMs ?? LEASE_TTL_MS;
	const leases = config.redisUrl ? new DbLeases(db, config.nodeId, { ttlMs }) : soloLeases;
	const levelOf = boardLevelOf(db);
	let projection: BoardProjection | null = null;
	const sync = new SyncHub(db, admitMembers(db, config.origin, levelOf), reassessMembers(db, levelOf), {
		bus,
		compactEvery: config.compactEvery,
		renewMinBytes: config.renewMinBytes,
		generationKeepDays: config.generationKeepDays,
		mayCompact: (boardId) => projection?.owns(boardId) ?? false
	});
	projection = startProjection(db, sync, { leases, bus, retryEveryMs: ttlMs / 3 });
	const mailer = createMailer(config);
	const boardActivity = startBoardActivity(bus);
	// Processes starting together: one seeds, the others then find the demo there.
	const demo = config.seedDemo ? await whileHolding(leases, 'job:seed', () => seedDemoIfEmpty(db, sync)) : null;
	const runtime: Runtime = {
		config,
		db,
		bus,
		leases,
		sync,
		projection,
		mail: mailQueue(mailer !== null),
		boardActivity,
		async close() {
			await stopWebhooks();
			await stopMail();
			await stopCheckIns();
			await boardActivity.close();
			mailer?.close();
			await sync.close();
			await projection.close();
			await leases.close();
			await bus.close();
			await db.destroy();
		}
	};
	const stopCheckIns = startCheckInSchedule(runtime, { leases });
	const stopWebhooks = startWebhookWorker(db, {
		pollMs: config.webhookPollMs ?? DEFAULT_POLL_MS,
		retryBaseMs: config.webhookRetryBaseMs ?? DEFAULT_RETRY_BASE_MS
	});
	const stopMail = mailer
		? startMailOutbox(db, mailer, {
				pollMs: config.mailPollMs ?? DEFAULT_MAIL_POLL_MS,
				retryBaseMs: config.mailRetryBaseMs ?? DEFAULT_MAIL_RETRY_BASE_MS
			})
		: async () => undefined;
	return { runtime, demo };
}
