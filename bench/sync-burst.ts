/**
 * Issue 13, point 3: how long another board's edits take while a member floods board A with
 * "send me the whole document" frames (and has planted an update that cannot integrate). Not a
 * test; prints p50/p99/max of the edit latency on board B, quiet and during the bursts.
 *
 *   node bench/sync-burst.ts [--bursts=5] [--frames=500]
 *
 * Runs `node server/index.ts` from the current directory (build first), so the same script measures
 * another checkout: `cd /tmp/before && node /path/to/bench/sync-burst.ts`.
 */
import { parseArgs } from 'node:util';
import * as Y from 'yjs';
import { createCard, renameCard } from '../src/lib/board/commands.ts';
import { readCards } from '../src/lib/board/schema.ts';
import { createMember, createTestBoard, openTestDb } from '../tests/factories/accounts.ts';
import { ASK_EVERYTHING, openRawSocket, updateFrame } from '../tests/factories/raw-socket.ts';
import { startServer } from '../tests/factories/server.ts';
import { connectClient, eventually, whenSynced } from '../tests/factories/yclient.ts';

const { values } = parseArgs({
	options: { bursts: { type: 'string', default: '5' }, frames: { type: 'string', default: '500' } }
});
const bursts = Number(values.bursts);
const frames = Number(values.frames);

const server = await startServer();
const db = openTestDb(server.dbPath);
const owner = await createMember(db, 'Olivier');
const boardA = await createTestBoard(db, owner, 'A');
const boardB = await createTestBoard(db, owner, 'B');

// Board A: under the old 256 KB cache threshold, but many structs (the cost of an encoding): 600 cards.
const filler = connectClient(server.url, boardA, owner.cookie);
await whenSynced(filler);
for (let i = 0; i < 600; i++)
	createCard(filler.doc, {
		id: `card-${i}-aaaaaaaa`,
		title: `Initiative ${i}`,
		stage: 'ideas',
		rank: `a${i}`,
		createdBy: owner.userId,
		description: `Lorem ipsum ${i} `.repeat(10)
	});
await eventually(() => filler.provider.wsconnected && !filler.provider.ws?.bufferedAmount, 10_000, 'filler sent');
filler.destroy();

// The planted update: an item after a gap in its client's clocks (pending for good once applied).
const forger = new Y.Doc();
forger.getText('planted').insert(0, 'a');
const sv = Y.encodeStateVector(forger);
forger.getText('planted').insert(1, 'b');
const planted = openRawSocket(server.url, boardA, owner.cookie);
await planted.opened;
planted.ws.send(updateFrame(Y.encodeStateAsUpdate(forger, sv)));
await new Promise((r) => setTimeout(r, 300));
planted.ws.close();

const writer = connectClient(server.url, boardB, owner.cookie);
const watcher = connectClient(server.url, boardB, owner.cookie);
await Promise.all([whenSynced(writer), whenSynced(watcher)]);
createCard(writer.doc, { id: 'probe-card-0001', title: 't', stage: 'ideas', rank: 'a0', createdBy: owner.userId });
await eventually(() => readCards(watcher.doc).length === 1, 5000, 'probe card');

let n = 0;
const PACE_MS = 50; // one edit every 50 ms at most: someone typing fast, within a member's budget

/** One edit on board B, and how long it took to reach the other client; paced like a person typing. */
async function edit(): Promise<number> {
	const took = await timedEdit();
	await new Promise((r) => setTimeout(r, Math.max(0, PACE_MS - took)));
	return took;
}

function timedEdit(): Promise<number> {
	const title = `t${++n}`;
	const start = performance.now();
	return new Promise((resolve) => {
		const seen = () => {
			if (readCards(watcher.doc)[0]?.title !== title) return;
			watcher.doc.off('update', seen);
			resolve(performance.now() - start);
		};
		watcher.doc.on('update', seen);
		renameCard(writer.doc, 'probe-card-0001', title);
	});
}

await new Promise((r) => setTimeout(r, 3000)); // let the setup's compaction of board A finish
const quiet: number[] = [];
for (let i = 0; i < 60; i++) quiet.push(await edit());

const during: number[] = [];
const closes: number[] = [];
for (let b = 0; b < bursts; b++) {
	const attacker = openRawSocket(server.url, boardA, owner.cookie);
	await attacker.opened;
	let done = false;
	void attacker.closed.then((code) => closes.push(code));
	const probing = (async () => {
		while (!done) during.push(await edit());
	})();
	for (let i = 0; i < frames && attacker.ws.readyState === attacker.ws.OPEN; i++) attacker.ws.send(ASK_EVERYTHING);
	// The burst is over once every reply (or the close) has arrived: wait until the socket is quiet.
	let last = -1;
	let received = 0;
	attacker.ws.on('message', () => (received += 1));
	while (received !== last) {
		last = received;
		await new Promise((r) => setTimeout(r, 250));
	}
	done = true;
	await probing;
	attacker.ws.close();
}

const pct = (list: number[], p: number) => {
	const sorted = [...list].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
};
const row = (name: string, list: number[]) =>
	`${name.padEnd(28)} n ${String(list.length).padStart(4)}   p50 ${pct(list, 50).toFixed(1).padStart(7)} ms   p99 ${pct(
		list,
		99
	)
		.toFixed(1)
		.padStart(7)} ms   max ${Math.max(...list)
		.toFixed(1)
		.padStart(7)} ms`;
console.log(
	`board B edit latency, ${bursts} bursts of ${frames} whole-document requests on board A (${process.cwd()})`
);
console.log(row('quiet', quiet));
console.log(row('during the bursts', during));
await new Promise((r) => setTimeout(r, 100));
console.log(`attacker sockets' close codes: ${closes.join(', ')}`);
writer.destroy();
watcher.destroy();
await server.stop();
await db.destroy();
