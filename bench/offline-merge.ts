/**
 * Reconnect → merged for edits made offline: one member's client makes N edits while disconnected
 * (card moves and description typing, each its own update, as a browser does), then reconnects; a
 * second member's client measures until it holds all of them. Not a test; prints the figures.
 *
 *   node bench/offline-merge.ts [--edits=100] [--rounds=10]
 *
 * Runs `node server/index.ts` from the current directory (build first).
 */
import { parseArgs } from 'node:util';
import type { Stage } from '../src/lib/domain/stages.ts';
import { getCard, getDescription } from '../src/lib/board/schema.ts';
import { moveCard } from '../src/lib/board/commands.ts';
import { createColleague, createMember, createTestBoard, openTestDb } from '../tests/factories/accounts.ts';
import { writeCards } from '../tests/factories/portal.ts';
import { startServer } from '../tests/factories/server.ts';
import { connectClient, whenSynced } from '../tests/factories/yclient.ts';

const { values } = parseArgs({
	options: { edits: { type: 'string', default: '100' }, rounds: { type: 'string', default: '10' } }
});
const edits = Number(values.edits);
const server = await startServer();
const db = openTestDb(server.dbPath);
const owner = await createMember(db, 'Olivier');
const reader = await createColleague(db, owner, 'Lecteur');
const boardId = await createTestBoard(db, owner, 'Mesure');
const cards = (await writeCards(server.url, db, owner, boardId, [{ title: 'A' }, { title: 'B' }])) as string[];
const writer = connectClient(server.url, boardId, owner.cookie);
const watcher = connectClient(server.url, boardId, reader.cookie);
await Promise.all([whenSynced(writer), whenSynced(watcher)]);

const STAGES: Stage[] = ['ideas', 'review'];
const times: number[] = [];
for (let round = 0; round < Number(values.rounds); round++) {
	writer.provider.disconnect();
	const marker = `fin ${round}`;
	for (let i = 0; i < edits - 1; i++) {
		const cardId = cards[i % cards.length] as string;
		if (i % 2) moveCard(writer.doc, cardId, STAGES[(i >> 1) % 2] ?? 'ideas', `a${round}${i}`);
		else getDescription(writer.doc, cardId)?.insert(0, `${i} `);
	}
	getDescription(writer.doc, cards[0] as string)?.insert(0, marker); // the 100th edit, looked for
	const merged = new Promise<number>((resolve) => {
		const check = () => {
			if (
				!getDescription(watcher.doc, cards[0] as string)
					?.toString()
					.startsWith(marker)
			)
				return;
			watcher.doc.off('update', check);
			resolve(performance.now());
		};
		watcher.doc.on('update', check);
	});
	const start = performance.now();
	writer.provider.connect();
	times.push((await merged) - start);
	if (!getCard(watcher.doc, cards[1] as string)) throw new Error('card lost');
}
const sorted = [...times].sort((a, b) => a - b);
const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]?.toFixed(1);
console.log(`reconnect → merged, ${edits} offline edits, ${times.length} rounds: p50 ${at(0.5)} ms, max ${at(1)} ms`);
writer.destroy();
watcher.destroy();
await db.destroy();
await server.stop();
