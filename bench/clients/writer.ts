import { generateNKeysBetween } from 'fractional-indexing-jittered';
import { performance } from 'node:perf_hooks';
import * as Y from 'yjs';
import { moveCard } from '../../src/lib/board/commands.ts';
import { DESCRIPTION, getCard } from '../../src/lib/board/schema.ts';
import { isStage } from '../../src/lib/domain/stages.ts';
import type { Endpoint } from '../lib/targets.ts';
import { carryOver, retried } from './carry-over.ts';
import { serve } from './ipc.ts';
import { Session, type Held, type Plan, type Tally } from './session.ts';

/**
 * Write load with flow control, per board: writers keep `window` updates in flight and an observer
 * on the same board tells when each came back through the server (which broadcasts only what it
 * stored; see session.ts). An update is one transaction: a card move (a new place in its column),
 * or (mix 'mixed', every other one) typing 4 characters at a cursor in a card's description, one
 * time in four after deleting the 4 before it. Every update adds an item, so the observer can see it
 * come back. When the board starts a new generation (close code newGeneration), the writers' changes
 * still in flight are carried over as the app's are (carry-over.ts), and a fresh session goes on
 * writing on the new generation.
 */
const RANKS = generateNKeysBetween(null, null, 512);

export interface WriteParams {
	endpoint: Endpoint;
	boards: { boardId: string; cardIds: string[] }[];
	window: number;
	/** Stop sending after this many updates per board, or after `seconds`, whichever comes first. */
	perBoard: number;
	seconds: number;
	mix: 'moves' | 'mixed';
	/**
	 * Writing sockets per board (1 unless told), each with its own document, as many people: the
	 * server closes a socket that sends over its budget (sync/budget.ts), so each keeps to its pace.
	 */
	writers?: number;
}

type Board = WriteParams['boards'][number];

function pickOf<T>(list: readonly T[]): T {
	return list[Math.floor(Math.random() * list.length)] as T;
}

/** Where each writer is typing in each card's description (a person types at a cursor, not at random places). */
const cursors = new WeakMap<Y.Doc, Map<string, number>>();

function edit(doc: Y.Doc, cardId: string, n: number, mix: WriteParams['mix']): void {
	const card = getCard(doc, cardId);
	if (!card) throw new Error(`card ${cardId} not in the document`);
	const text = card.get(DESCRIPTION);
	if (mix === 'mixed' && n % 2 === 1 && text instanceof Y.Text) {
		const mine = cursors.get(doc) ?? new Map<string, number>();
		cursors.set(doc, mine);
		const at = Math.min(mine.get(cardId) ?? Math.floor(Math.random() * (text.length + 1)), text.length);
		// Types a word; one time in four, first takes back the last 4 characters (a typo corrected).
		const back = Math.random() < 0.25 ? Math.min(4, at) : 0;
		doc.transact(() => {
			if (back > 0) text.delete(at - back, back);
			text.insert(at - back, 'abcd');
		});
		mine.set(cardId, at - back + 4);
		return;
	}
	const stage = card.get('stage');
	if (isStage(stage)) moveCard(doc, cardId, stage, pickOf(RANKS));
}

/** Writes on one board until the run is over, following the board's generations as the app does. */
async function writeBoard(params: WriteParams, board: Board) {
	const { endpoint } = params;
	const { boardId } = board;
	const writers = params.writers ?? 1;
	let generation = 0;
	let session = await Session.open(endpoint, boardId, generation, writers);
	const now = performance.now();
	const tally: Tally = { written: 0, acked: 0, latencies: [], start: now, lastAck: now };
	const plan: Plan = {
		window: params.window,
		isOver: () => tally.written >= params.perBoard || performance.now() >= tally.start + params.seconds * 1000,
		edit: (doc, n) => edit(doc, pickOf(board.cardIds), n, params.mix)
	};
	for (;;) {
		const held = await session.write(plan, tally);
		if (held === null) break;
		const next = await Promise.all(held.map((h) => carryOver(endpoint, boardId, h.doc, generation)));
		generation = Math.max(...next);
		ackCarried(tally, held);
		if (plan.isOver()) break;
		session = await retried(() => Session.open(endpoint, boardId, generation, writers));
	}
	const { written, acked, latencies } = tally;
	return { written, acked, latencies, seconds: (tally.lastAck - tally.start) / 1000 };
}

/** Updates carried over were stored when their carry-over ended: they count as back now. */
function ackCarried(tally: Tally, held: Held[]): void {
	const now = performance.now();
	for (const { doc, sentAt } of held) {
		for (const at of sentAt) tally.latencies.push(now - at);
		tally.acked += sentAt.length;
		doc.destroy();
	}
	tally.lastAck = now;
}

async function run(params: WriteParams) {
	const results = await Promise.all(params.boards.map((b) => writeBoard(params, b)));
	return {
		written: results.reduce((s, r) => s + r.written, 0),
		acked: results.reduce((s, r) => s + r.acked, 0),
		latencies: results.flatMap((r) => r.latencies),
		seconds: Math.max(...results.map((r) => r.seconds))
	};
}

serve({ run });
