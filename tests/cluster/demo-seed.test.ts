import { afterAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/lib/server/db/open.ts';
import { openTestDb } from '../factories/accounts.ts';
import { REDIS_URL } from '../factories/cluster.ts';
import { createTempPgDatabase } from '../factories/pg.ts';
import { startServer, type RunningServer } from '../factories/server.ts';

let db: Db | null = null;
const servers: RunningServer[] = [];

afterAll(async () => {
	await Promise.all(servers.map((s) => s.stop()));
	await db?.destroy();
});

describe('two processes starting together on an empty database', () => {
	it('seed the demo once', async () => {
		const databaseUrl = await createTempPgDatabase();
		const start = (node: string) =>
			startServer({ dbPath: databaseUrl, env: { REDIS_URL, NODE_ID: node, SEED_DEMO: 'true' } });
		servers.push(...(await Promise.all([start('seed-a'), start('seed-b')])));
		db = openTestDb(databaseUrl);
		const organisations = await db.selectFrom('organization').select('id').execute();
		expect(organisations).toHaveLength(1);
		// Both show the demo's logins: the second found the demo the first had just seeded.
		for (const server of servers) expect(server.log()).toContain('Demo organisation');
	});
});
