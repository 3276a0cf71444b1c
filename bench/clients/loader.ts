import type { Endpoint } from '../lib/targets.ts';
import { serve } from './ipc.ts';
import { Wire } from './wire.ts';

/**
 * Re-syncs one board over and over: asks for the whole document (a sync step 1 with an empty state
 * vector, as a client with nothing cached sends), waits for it, asks again, at most once per
 * `periodMs`: a fixed offered load, the same for both servers, rather than a race of the loopback
 * interface that would starve every process on the machine (the probe's too) whatever the server.
 */
let wire: Wire | null = null;
let running = false;
let resyncs = 0;
let bytes = 0;
let asked = 0;

function ask(periodMs: number): void {
	const wait = Math.max(0, asked + periodMs - Date.now());
	setTimeout(() => {
		if (!running) return;
		asked = Date.now();
		wire?.requestFullState();
	}, wait);
}

async function start({ endpoint, boardId, periodMs }: { endpoint: Endpoint; boardId: string; periodMs: number }) {
	resyncs = bytes = 0;
	wire = new Wire(endpoint, boardId, {
		applyFirstSync: false,
		onSyncStep2: (n) => {
			resyncs++;
			bytes += n;
			if (running) ask(periodMs);
		}
	});
	await wire.synced;
	running = true;
	ask(periodMs);
}

async function stop() {
	running = false;
	await wire?.close();
	return { resyncs, bytes };
}

serve({ start, stop });
