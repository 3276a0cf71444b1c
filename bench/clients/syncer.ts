import { performance } from 'node:perf_hooks';
import type { Endpoint } from '../lib/targets.ts';
import { serve } from './ipc.ts';
import { Wire } from './wire.ts';

/**
 * Opens one connection per board (at most `concurrency` syncing at once) and keeps them open; for
 * each board, records the time from opening the socket to the first full sync (step 2 received) and
 * its size. The documents are not kept: the load is on the server.
 */
let wires: Wire[] = [];

async function open({
	endpoint,
	boardIds,
	concurrency
}: {
	endpoint: Endpoint;
	boardIds: string[];
	concurrency: number;
}) {
	const ms: number[] = [];
	const bytes: number[] = [];
	let next = 0;
	const worker = async () => {
		while (next < boardIds.length) {
			const boardId = boardIds[next++] ?? '';
			const start = performance.now();
			let size = 0;
			const wire = new Wire(endpoint, boardId, { applyFirstSync: false, onSyncStep2: (n) => (size ||= n) });
			wires.push(wire);
			await wire.synced;
			ms.push(performance.now() - start);
			bytes.push(size);
		}
	};
	await Promise.all(Array.from({ length: concurrency }, worker));
	return { ms, bytes };
}

async function close() {
	await Promise.all(wires.map((w) => w.close()));
	wires = [];
}

serve({ open, close });
