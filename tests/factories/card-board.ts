import type { Db } from '../../src/lib/server/db/open.ts';
import { createMember, createTestBoard, openTestDb, type Member } from './accounts.ts';
import { createPerson } from './people.ts';
import { writeCards } from './portal.ts';
import { startServer, type RunningServer } from './server.ts';
import { connectClient, connectFeed, whenSynced, type Client } from './yclient.ts';

export interface CardBoard {
	server: RunningServer;
	db: Db;
	owner: Member;
	/** The colleagues asked for, in the same order. */
	colleagues: Member[];
	/** Olga: a member of the organisation with read-only access to the board. */
	observer: Member;
	/** Someone of another organisation. */
	stranger: Member;
	boardId: string;
	cardId: string;
	/** The owner's live connection to the board. */
	client: Client;
	/** The owner's live connection to the board's feed (comments, signals, help, flags, settings). */
	feed: Client;
	close(): Promise<void>;
}

/**
 * The real server with one board ("Vrac") holding one card ("Vrac en magasin"): its owner, members
 * named `colleagues`, an observer and a stranger, and the owner's y-websocket client connected.
 */
export async function startCardBoard(ownerName: string, colleagues: string[]): Promise<CardBoard> {
	const server = await startServer();
	const db = openTestDb(server.dbPath);
	const owner = await createMember(db, ownerName);
	const people: Member[] = [];
	for (const name of colleagues) people.push(await createPerson(db, owner.organizationId, name));
	const observer = await createPerson(db, owner.organizationId, 'Olga');
	const stranger = await createMember(db, 'Stranger');
	const boardId = await createTestBoard(db, owner, 'Vrac');
	await db
		.insertInto('board_grant')
		.values({ board_id: boardId, subject: 'user', subject_id: observer.userId, level: 'read' })
		.execute();
	const [cardId] = (await writeCards(server.url, db, owner, boardId, [{ title: 'Vrac en magasin' }])) as [string];
	const client = connectClient(server.url, boardId, owner.cookie);
	const feed = connectFeed(server.url, boardId, owner.cookie);
	await Promise.all([whenSynced(client), whenSynced(feed)]);
	return {
		server,
		db,
		owner,
		colleagues: people,
		observer,
		stranger,
		boardId,
		cardId,
		client,
		feed,
		async close() {
			client.destroy();
			feed.destroy();
			await server.stop();
			await db.destroy();
		}
	};
}
