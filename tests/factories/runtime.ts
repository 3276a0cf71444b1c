import { createCard } from '../../src/lib/board/commands.ts';
import { newId } from '../../src/lib/server/ids.ts';
import type { BoardDeps } from '../../src/lib/server/deps.ts';
import { startProjection } from '../../src/lib/server/projection/board-projection.ts';
import { SyncHub } from '../../src/lib/server/sync/hub.ts';
import { openTempDatabase } from './db.ts';

/**
 * A real runtime for service tests: a migrated SQLite file, a sync hub (no sockets: its doors refuse
 * everyone) and one board holding one card, written through the server's own store-then-apply path.
 */
export async function openTestRuntime(prefix: string, card: { title: string; createdBy: string }) {
	const temp = await openTempDatabase(prefix);
	const { db } = temp;
	const now = Date.now();
	const organizationId = newId();
	const boardId = newId();
	const cardId = newId();
	await db.insertInto('organization').values({ id: organizationId, name: 'Org', created_at: now }).execute();
	await db
		.insertInto('board')
		.values({ id: boardId, organization_id: organizationId, name: 'B', created_at: now, updated_at: now })
		.execute();
	const refuse = () => Promise.resolve({ refuse: 404 as const });
	const hub = new SyncHub(db, refuse, refuse);
	startProjection(db, hub);
	const runtime: BoardDeps = { db, sync: hub };
	const room = await hub.openRoom(boardId);
	await room.write(card.createdBy, (doc) =>
		createCard(doc, { id: cardId, title: card.title, stage: 'ideas', rank: 'a0', createdBy: card.createdBy })
	);
	return {
		runtime,
		boardId,
		cardId,
		async dispose() {
			await hub.close();
			await temp.dispose();
		}
	};
}
