/**
 * How long a comment takes to reach another browser: a member posts it (the card page's form action),
 * a second member's y-websocket client waits until it shows. Not a test; prints the figures.
 *
 *   node bench/comment-latency.ts [--samples=100] [--doc=feed|board]
 *
 * Runs `node server/index.ts` from the current directory (build first), so the same script measures
 * another checkout: `cd /tmp/before && node /path/to/bench/comment-latency.ts --doc=board` (before the
 * feed document, comments were mirrored into the board document).
 */
import { parseArgs } from 'node:util';
import { cardComments } from '../src/lib/board/comments.ts';
import { RATE_LIMITS } from '../src/lib/server/rate-limit.ts';
import { createColleague, createMember, createTestBoard, openTestDb } from '../tests/factories/accounts.ts';
import { writeCards } from '../tests/factories/portal.ts';
import { startServer } from '../tests/factories/server.ts';
import { connectClient, connectFeed, whenSynced } from '../tests/factories/yclient.ts';

const { values } = parseArgs({
	options: { samples: { type: 'string', default: '100' }, doc: { type: 'string', default: 'feed' } }
});
const samples = Number(values.samples);

// Set up with the database and the board document only, so that a checkout without feeds runs it too.
const server = await startServer();
const db = openTestDb(server.dbPath);
const owner = await createMember(db, 'Olivier');
// One person may post only so many comments a minute: the samples take turns among enough writers.
const perWriter = RATE_LIMITS.commentsPerUser.max;
const writers = [];
for (let i = 0; i < Math.ceil((samples + 5) / perWriter); i++)
	writers.push(await createColleague(db, owner, `Claire${i}`));
const reader = await createColleague(db, owner, 'Lecteur');
const boardId = await createTestBoard(db, owner, 'Mesure');
const [cardId] = (await writeCards(server.url, db, owner, boardId, [{ title: 'Vrac' }])) as [string];
const setup = { server, boardId, cardId };
const watcher =
	values.doc === 'board'
		? connectClient(setup.server.url, setup.boardId, reader.cookie)
		: connectFeed(setup.server.url, setup.boardId, reader.cookie);
await whenSynced(watcher);

function arrival(body: string): Promise<number> {
	return new Promise((resolve) => {
		const check = () => {
			if (!cardComments(watcher.doc, setup.cardId).some((c) => c.body === body)) return;
			watcher.doc.off('update', check);
			resolve(performance.now());
		};
		watcher.doc.on('update', check);
	});
}

const reach: number[] = [];
const respond: number[] = [];
for (let i = 0; i < samples + 5; i++) {
	const body = `Mesure ${i} ${Date.now()}`;
	const arrived = arrival(body);
	const start = performance.now();
	const response = await fetch(`${setup.server.url}/b/${setup.boardId}/c/${setup.cardId}?/comment`, {
		method: 'POST',
		headers: {
			Origin: setup.server.url,
			Cookie: writers[Math.floor(i / perWriter)]!.cookie,
			'Content-Type': 'application/x-www-form-urlencoded'
		},
		body: new URLSearchParams({ body }),
		redirect: 'manual'
	});
	const answered = performance.now();
	if (response.status !== 200) throw new Error(`comment refused: ${response.status}`);
	const at = await arrived;
	if (i < 5) continue; // warm-up
	reach.push(at - start);
	respond.push(answered - start);
}

const pct = (list: number[], p: number) => {
	const sorted = [...list].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
};
const row = (name: string, list: number[]) =>
	`${name.padEnd(34)} p50 ${pct(list, 50).toFixed(1).padStart(6)} ms   p95 ${pct(list, 95).toFixed(1).padStart(6)} ms   max ${Math.max(
		...list
	)
		.toFixed(1)
		.padStart(6)} ms`;
console.log(`comment latency, ${samples} comments, watching the ${values.doc} document (${process.cwd()})`);
console.log(row('post → seen by the other browser', reach));
console.log(row('post → form action answered', respond));
watcher.destroy();
await server.stop();
await db.destroy();
