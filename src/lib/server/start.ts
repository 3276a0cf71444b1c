import { readConfig, type Config } from './config.ts';
import { openDatabase } from './db/open.ts';
import { migrateToLatest } from './db/migrate.ts';
import { createMailer } from './mail.ts';
import { SyncHub } from './sync/hub.ts';
import { deploymentPrefix, RedisBus, soloBus } from './cluster/bus.ts';
import { admitMembers, reassessMembers } from './sync/admit.ts';
import { startProjection } from './projection/board-projection.ts';
import { boardLevelOf } from './services/boards.ts';
import { seedDemoIfEmpty, type DemoLogin } from './seed/demo.ts';
import type { Runtime } from './runtime.ts';
import { startNotifications } from './services/notifications.ts';
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
	const levelOf = boardLevelOf(db);
	const sync = new SyncHub(db, admitMembers(db, config.origin, levelOf), reassessMembers(db, levelOf), { bus });
	const projection = startProjection(db, sync);
	const stopNotifications = startNotifications(db);
	const demo = config.seedDemo ? await seedDemoIfEmpty(db, sync) : null;
	const runtime: Runtime = {
		config,
		db,
		bus,
		sync,
		projection,
		mailer: createMailer(config),
		async close() {
			await stopWebhooks();
			await stopCheckIns();
			stopNotifications();
			runtime.mailer?.close();
			await sync.close();
			await bus.close();
			await db.destroy();
		}
	};
	const stopCheckIns = startCheckInSchedule(runtime);
	const stopWebhooks = startWebhookWorker(db, {
		pollMs: config.webhookPollMs ?? DEFAULT_POLL_MS,
		retryBaseMs: config.webhookRetryBaseMs ?? DEFAULT_RETRY_BASE_MS
	});
	return { runtime, demo };
}
