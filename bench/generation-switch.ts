/**
 * A live board starting a new generation: `clients` people on a board of `cards` cards, `typing` of
 * them editing a description all along (so they hold changes in flight when it happens). One more
 * client works a card over until the server starts the generation; the figure is the time from
 * then until every client is on the new one, synced. Not a test; prints the figures.
 *
 *   node bench/generation-switch.ts [--cards=200] [--clients=20] [--typing=10]
 *
 * Runs `node server/index.ts` from the current directory (build first).
 */
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import * as Y from 'yjs';
import { getDescription } from '../src/lib/board/schema.ts';
import { currentGeneration } from '../src/lib/server/sync/head.ts';
import { createMember, createTestBoard, openTestDb } from '../tests/factories/accounts.ts';
import { startServer } from '../tests/factories/server.ts';
import { GenerationClient, whenSynced, workCardOver, workUntilGeneration } from '../tests/factories/yclient.ts';
import { buildBoard } from './lib/boards.ts';

const { values } = parseArgs({
	options: {
		cards: { type: 'string', default: '200' },
		clients: { type: 'string', default: '20' },
		typing: { type: 'string', default: '10' }
	}
});
const [cards, people, typing] = [values.cards, values.clients, values.typing].map(Number) as [number, number, number];

const server = await startServer({ env: { COMPACT_EVERY: '100', RENEW_MIN_BYTES: '1' } });
const db = openTestDb(server.dbPath);
const owner = await createMember(db, 'Olivier');
const boardId = await createTestBoard(db, owner, 'Mesure');
const content = buildBoard(cards);
const follow = () => new GenerationClient(server.url, boardId, owner.cookie);
const loader = follow();
await whenSynced(loader.current);
Y.applyUpdate(loader.doc, content.update);
const clients = Array.from({ length: people }, follow);
await Promise.all(clients.map((c) => whenSynced(c.current, 20_000)));
await new Promise((r) => setTimeout(r, 1000));

// Typing: a few characters every 200 ms each, into a card of their own.
let typed = 0;
const typingTimer = setInterval(() => {
	clients.slice(0, typing).forEach((c, i) => {
		getDescription(c.doc, content.cardIds[i % content.cardIds.length] ?? '')?.insert(0, 'ab');
		typed++;
	});
}, 200);

const worked = content.cardIds.at(-1) ?? '';
const started = workUntilGeneration(
	() => currentGeneration(db, boardId),
	1,
	(round) => workCardOver(loader.doc, worked, round, 250)
);
await started;
const t0 = performance.now();
while (!clients.every((c) => c.generation === 1 && c.current.provider.synced)) {
	if (performance.now() - t0 > 120_000) throw new Error('clients did not follow in 120 s');
	await new Promise((r) => setTimeout(r, 10));
}
const followedMs = performance.now() - t0;
clearInterval(typingTimer);
const carried = (server.log().match(/carried changes of/g) ?? []).length;
console.log(
	JSON.stringify({ cards, clients: people, typing, typed, followedMs: Math.round(followedMs), carried }, null, 1)
);
for (const c of [loader, ...clients]) c.destroy();
await db.destroy();
await server.stop();
