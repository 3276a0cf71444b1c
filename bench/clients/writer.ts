import { generateNKeysBetween } from 'fractional-indexing-jittered';
import { performance } from 'node:perf_hooks';
import * as Y from 'yjs';
import { moveCard } from '../../src/lib/board/commands.ts';
import { DESCRIPTION, getCard } from '../../src/lib/board/schema.ts';
import { isStage } from '../../src/lib/domain/stages.ts';
import type { Endpoint } from '../lib/targets.ts';
import { serve } from './ipc.ts';
import { Wire } from './wire.ts';

/**
 * Write load with flow control, per board: a writer keeps `window` updates in flight and an observer
 * on the same board tells when each came back through the server (which broadcasts only what it
 * stored). An update is one transaction: a card move (a new place in its column), or (mix 'mixed',
 * every other one) typing 4 characters at a cursor in a card's description, one time in four after
 * deleting the 4 before it. Every update adds an item, so the observer can see it come back.
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
}

function pickOf<T>(list: readonly T[]): T {
	return list[Math.floor(Math.random() * list.length)] as T;
}

/** Where each card's description is being typed (a person types at a cursor, not at random places). */
const cursors = new Map<string, number>();

function edit(doc: Y.Doc, cardId: string, n: number, mix: WriteParams['mix']): void {
	const card = getCard(doc, cardId);
	if (!card) throw new Error(`card ${cardId} not in the document`);
	const text = card.get(DESCRIPTION);
	if (mix === 'mixed' && n % 2 === 1 && text instanceof Y.Text) {
		const at = Math.min(cursors.get(cardId) ?? Math.floor(Math.random() * (text.length + 1)), text.length);
		// Types a word; one time in four, first takes back the last 4 characters (a typo corrected).
		const back = Math.random() < 0.25 ? Math.min(4, at) : 0;
		doc.transact(() => {
			if (back > 0) text.delete(at - back, back);
			text.insert(at - back, 'abcd');
		});
		cursors.set(cardId, at - back + 4);
		return;
	}
	const stage = card.get('stage');
	if (isStage(stage)) moveCard(doc, cardId, stage, pickOf(RANKS));
}

async function writeBoard(params: WriteParams, board: WriteParams['boards'][number]) {
	const writer = new Wire(params.endpoint, board.boardId);
	const sent: [number, number][] = []; // [clock after the update, time sent], in order
	const latencies: number[] = [];
	let acked = 0;
	let written = 0;
	let lastAck = performance.now();
	let fill = () => {};
	const observer = new Wire(params.endpoint, board.boardId, {
		applyFirstSync: false,
		onUpdate: (update) => {
			const reached = Y.parseUpdateMeta(update).to.get(writer.doc.clientID);
			if (reached === undefined) return;
			const now = performance.now();
			while (sent.length > 0 && (sent[0]?.[0] ?? Infinity) <= reached) {
				latencies.push(now - (sent.shift()?.[1] ?? now));
				acked++;
			}
			lastAck = now;
			fill();
		}
	});
	await Promise.all([writer.synced, observer.synced]);
	const start = performance.now();
	const deadline = start + params.seconds * 1000;
	let done = () => {};
	const finished = new Promise<void>((resolve) => (done = resolve));
	fill = () => {
		const open = performance.now() < deadline && written < params.perBoard;
		while (open && written - acked < params.window && written < params.perBoard) {
			edit(writer.doc, pickOf(board.cardIds), written++, params.mix);
			sent.push([Y.getState(writer.doc.store, writer.doc.clientID), performance.now()]);
		}
		if ((!open || written >= params.perBoard) && acked >= written) done();
	};
	const stall = setInterval(() => {
		fill(); // the deadline passes between acks too
		if (performance.now() - lastAck > 15_000) done(); // lost updates: give up, report what came back
	}, 100);
	fill();
	await finished;
	clearInterval(stall);
	await Promise.all([writer.close(), observer.close()]);
	return { written, acked, latencies, seconds: (lastAck - start) / 1000 };
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
