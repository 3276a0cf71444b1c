import { generateNKeysBetween } from 'fractional-indexing-jittered';
import { moveCard } from '../../src/lib/board/commands.ts';
import { getCard } from '../../src/lib/board/schema.ts';
import { isStage } from '../../src/lib/domain/stages.ts';
import type { Endpoint } from '../lib/targets.ts';
import { serve } from './ipc.ts';
import { Wire } from './wire.ts';

/**
 * Fan-out load: `count` clients on one board, each moving its own card (to a new place in its column)
 * every `periodMs`, with the app's moveCard. They do not apply the others' moves (a browser would;
 * here that would make the clients, not the server, the bottleneck of the machine).
 */
const RANKS = generateNKeysBetween(null, null, 512);
let wires: Wire[] = [];
let timers: ReturnType<typeof setTimeout>[] = [];
let sent = 0;
let received = 0;

async function connect({ endpoint, boardId, cardIds }: { endpoint: Endpoint; boardId: string; cardIds: string[] }) {
	wires = cardIds.map(() => new Wire(endpoint, boardId, { onUpdate: () => received++ }));
	await Promise.all(wires.map((w) => w.synced));
	return wires.length;
}

function move(wire: Wire, cardId: string): void {
	const stage = getCard(wire.doc, cardId)?.get('stage');
	if (!isStage(stage)) throw new Error(`card ${cardId} not in the document`);
	moveCard(wire.doc, cardId, stage, RANKS[Math.floor(Math.random() * RANKS.length)] ?? 'a0');
	sent++;
}

function start({ cardIds, periodMs }: { cardIds: string[]; periodMs: number }) {
	sent = received = 0;
	wires.forEach((wire, i) => {
		const cardId = cardIds[i] ?? '';
		const first = setTimeout(() => {
			move(wire, cardId);
			timers.push(setInterval(() => move(wire, cardId), periodMs));
		}, Math.random() * periodMs);
		timers.push(first);
	});
}

function stop() {
	for (const timer of timers) clearTimeout(timer);
	timers = [];
	return { sent, received };
}

async function close() {
	await Promise.all(wires.map((w) => w.close()));
	wires = [];
}

serve({ connect, start, stop, close });
