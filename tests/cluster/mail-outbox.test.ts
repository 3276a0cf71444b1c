import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/lib/server/db/open.ts';
import { createMember, openTestDb, type Member } from '../factories/accounts.ts';
import { startCluster, type Cluster } from '../factories/cluster.ts';
import { until } from '../factories/portal.ts';
import { startSmtp, type TestSmtp } from '../factories/smtp.ts';

let smtp: TestSmtp;
let cluster: Cluster;
let db: Db;
let owner: Member;

beforeAll(async () => {
	smtp = await startSmtp();
	// Both processes look at the one outbox every 20 ms: they race for every row.
	cluster = await startCluster(2, { SMTP_URL: `smtp://127.0.0.1:${smtp.port}`, MAIL_POLL_MS: '20' });
	db = openTestDb(cluster.databaseUrl);
	owner = await createMember(db, 'Olivia');
});

afterAll(async () => {
	await cluster?.stop();
	await db?.destroy();
	await smtp?.stop();
});

const invite = (base: string, email: string) =>
	fetch(`${base}/admin/invitations?/create`, {
		method: 'POST',
		headers: { Origin: base, 'Content-Type': 'application/x-www-form-urlencoded', Cookie: owner.cookie },
		body: new URLSearchParams({ role: 'member', boardId: '', company: '', days: '7', email }),
		redirect: 'manual'
	});

describe('two processes sharing one mail outbox', () => {
	it('send each queued mail exactly once', async () => {
		const addresses = Array.from({ length: 30 }, (_, i) => `guest${i}@example.test`);
		const answers = await Promise.all(addresses.map((email, i) => invite(cluster.server(i % 2).url, email)));
		expect(answers.map((a) => a.status)).toEqual(addresses.map(() => 200));
		await until(async () => smtp.received.length >= addresses.length, 'every mail', 15_000);
		await new Promise((resolve) => setTimeout(resolve, 500));
		expect(smtp.received.map((mail) => mail.to[0]).sort()).toEqual([...addresses].sort());
		const rows = await db.selectFrom('mail_outbox').select(['status', 'attempts']).execute();
		expect(rows).toHaveLength(addresses.length);
		expect(rows.every((row) => row.status === 'sent' && row.attempts === 1)).toBe(true);
	});
});
