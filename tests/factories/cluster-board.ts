import { afterAll, beforeAll } from 'vitest';
import type { Db } from '../../src/lib/server/db/open.ts';
import { createMember, createTestBoard, openTestDb, type Member } from './accounts.ts';
import { startCluster, type Cluster, type ClusterEnv } from './cluster.ts';
import { connectClient, type Client } from './yclient.ts';

/** A cluster with Alice and her board, ready once the file's `beforeAll` ran. */
export interface ClusterBoard {
	cluster: Cluster;
	/** The shared database, for the test's own reads and setup. */
	db: Db;
	alice: Member;
	boardId: string;
	/** Alice's y-websocket client on process i, destroyed after the file. */
	client(i: number): Client;
	/** A client of another board, person or route (a function: read at each reconnect), destroyed after the file. */
	connect(server: string | (() => string), options?: { boardId?: string; cookie?: string }): Client;
}

/**
 * Registers the file's `beforeAll`/`afterAll`: `count` processes, Alice, her board, and the clients the
 * tests open. `env` is read when the processes start, so an earlier `beforeAll` may prepare what it names.
 */
export function useClusterBoard(count: number, env: ClusterEnv = {}): ClusterBoard {
	const clients: Client[] = [];
	const fixture = {
		connect(server, { boardId = fixture.boardId, cookie = fixture.alice.cookie } = {}) {
			const c = connectClient(server, boardId, cookie);
			clients.push(c);
			return c;
		},
		client: (i) => fixture.connect(fixture.cluster.server(i).url)
	} as ClusterBoard;
	beforeAll(async () => {
		fixture.cluster = await startCluster(count, env);
		fixture.db = openTestDb(fixture.cluster.databaseUrl);
		fixture.alice = await createMember(fixture.db, 'Alice');
		fixture.boardId = await createTestBoard(fixture.db, fixture.alice);
	});
	afterAll(async () => {
		for (const c of clients) c.destroy();
		await fixture.cluster?.stop();
		await fixture.db?.destroy();
	});
	return fixture;
}
