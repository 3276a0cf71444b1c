import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { createCard } from '../../src/lib/board/commands.ts';
import { getDescription, readCards } from '../../src/lib/board/schema.ts';
import { BoardStore } from '../../src/lib/server/sync/store.ts';
import { useClusterBoard } from '../factories/cluster-board.ts';
import { eventually, whenSynced } from '../factories/yclient.ts';

const PROCESSES = 2;
const CLIENTS_PER_PROCESS = 3;
const STEPS = 2000;
/** Each process compacts a live board every this many updates: both compact the same board all the time. */
const COMPACT_EVERY = 3;
/** Process restarts (a crash, then a graceful stop, …) in the first part of the run: the rest checks that nothing is lost without clients re-sending. */
const RESTARTS = 4;
const SHARED = 'shared';

const setup = useClusterBoard(PROCESSES, { COMPACT_EVERY: String(COMPACT_EVERY) });

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const pick = <T>(list: readonly T[]): T => list[Math.floor(Math.random() * list.length)] as T;

/** The client's home process while it is up, else another one (as a load balancer would). */
function routeTo(home: number): () => string {
	return () => {
		if (setup.cluster.isUp(home)) return setup.cluster.server(home).url;
		const up = setup.cluster.servers.map((_, i) => i).filter((i) => setup.cluster.isUp(i));
		return setup.cluster.server(up[0] ?? home).url;
	};
}

const shared = (doc: Y.Doc) => getDescription(doc, SHARED)?.toString() ?? '';

/** What of `cards` and `tokens` a document is missing (empty lists: it holds the union). */
function missing(doc: Y.Doc, cards: readonly string[], tokens: readonly string[]) {
	const has = new Set(readCards(doc).map((card) => card.id));
	const text = new Set(shared(doc).match(/\[[^\]]+\]/g) ?? []);
	return { cards: cards.filter((id) => !has.has(id)), tokens: tokens.filter((t) => !text.has(t)) };
}

describe('compaction and restarts under random interleavings', () => {
	it('a board loads as the union of all updates', { timeout: 120_000 }, async () => {
		const writers = Array.from({ length: PROCESSES * CLIENTS_PER_PROCESS }, (_, i) =>
			setup.connect(routeTo(i % PROCESSES))
		);
		await Promise.all(writers.map((w) => whenSynced(w, 10_000)));
		createCard(writers[0]!.doc, {
			id: SHARED,
			title: 'Shared',
			stage: 'ideas',
			rank: 'a',
			createdBy: setup.alice.userId
		});
		await eventually(() => writers.every((w) => getDescription(w.doc, SHARED) !== null), 5000, 'the shared card');

		const cards: string[] = [];
		const tokens: string[] = [];
		let writing = true;
		let restarts = 0;
		// Restarts while the clients write: a crash, a graceful stop (which compacts), alternately, on either process.
		const chaos = (async () => {
			for (let r = 0; r < RESTARTS && writing; r++) {
				await sleep(700 + Math.random() * 700);
				const victim = r % PROCESSES;
				if (r % 2 === 0) await setup.cluster.kill(victim);
				await setup.cluster.restart(victim);
				restarts += 1;
			}
		})();
		for (let step = 0; step < STEPS; step++) {
			const index = Math.floor(Math.random() * writers.length);
			const { doc } = writers[index]!;
			if (Math.random() < 0.3) {
				const id = `c${index}-${step}`;
				cards.push(id);
				createCard(doc, { id, title: id, stage: 'ideas', rank: `a${step}`, createdBy: setup.alice.userId });
			} else {
				const token = `[${index}.${step}]`;
				tokens.push(token);
				const text = getDescription(doc, SHARED)!;
				// At either end, so that no token is split by another (and the concurrent ones interleave).
				text.insert(pick([0, text.length]), token);
			}
			// Now and then a pause: in between, bursts that the processes store in runs.
			if (step % 4 === 0) await sleep(Math.random() * 12);
		}
		writing = false;
		await chaos;

		await eventually(
			() => writers.every((w) => w.provider.wsconnected && w.provider.synced),
			15_000,
			'every writer connected'
		);
		const none = { cards: [], tokens: [] };
		const holdsUnion = (doc: Y.Doc) => JSON.stringify(missing(doc, cards, tokens)) === JSON.stringify(none);
		await eventually(() => writers.every((w) => holdsUnion(w.doc)), 30_000, 'the union at every writer');
		// The database alone (a fresh load), and a fresh client on each process, hold the union too.
		const stored = await new BoardStore(setup.db).load(setup.boardId);
		expect(missing(stored.doc, cards, tokens)).toEqual(none);
		const fresh = setup.cluster.servers.map((s) => setup.connect(s.url));
		await Promise.all(fresh.map((c) => whenSynced(c, 10_000)));
		for (const c of fresh) expect(missing(c.doc, cards, tokens)).toEqual(none);
		console.info(`[compaction-flapping] ${cards.length} cards, ${tokens.length} text inserts, ${restarts} restarts`);
		expect(restarts).toBeGreaterThanOrEqual(2);
	});
});
