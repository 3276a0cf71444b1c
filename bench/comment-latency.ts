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
import { createColleague } from '../tests/factories/accounts.ts';
import { startCardBoard } from '../tests/factories/card-board.ts';
import { connectClient, connectFeed, whenSynced } from '../tests/factories/yclient.ts';

const { values } = parseArgs({
	options: { samples: { type: 'string', default: '100' }, doc: { type: 'string', default: 'feed' } }
});
const samples = Number(values.samples);

const setup = await startCardBoard('Olivier', ['Claire']);
const [claire] = setup.colleagues;
if (!claire) throw new Error('no colleague');
const reader = await createColleague(setup.db, setup.owner, 'Lecteur');
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
		headers: { Origin: setup.server.url, Cookie: claire.cookie, 'Content-Type': 'application/x-www-form-urlencoded' },
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
await setup.close();
