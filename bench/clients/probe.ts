import { performance } from 'node:perf_hooks';
import { whenSynced, type Client } from '../../tests/factories/yclient.ts';
import type { Endpoint } from '../lib/targets.ts';
import { serve } from './ipc.ts';
import { connectStock } from './socket.ts';

/**
 * The latency probe: two stock y-websocket clients (as a browser connects) on one board, in one
 * process so they share a clock. The writer stamps the time into the document every `intervalMs`;
 * the reader records how long each stamp took to arrive through the server.
 */
let writer: Client | null = null;
let reader: Client | null = null;
let timer: ReturnType<typeof setInterval> | null = null;
let samples: number[] = [];

interface ProbeParams {
	endpoint: Endpoint;
	/** Where the reader connects (another process of a cluster); the writer's server unless told. */
	readerEndpoint?: Endpoint;
	boardId: string;
	intervalMs: number;
}

async function start({ endpoint, readerEndpoint, boardId, intervalMs }: ProbeParams) {
	writer = connectStock(endpoint, boardId);
	reader = connectStock(readerEndpoint ?? endpoint, boardId);
	await Promise.all([whenSynced(writer, 20_000), whenSynced(reader, 20_000)]);
	const stamps = reader.doc.getMap<number>('bench');
	stamps.observe(() => {
		const sent = stamps.get('t');
		if (typeof sent === 'number') samples.push(performance.now() - sent);
	});
	samples = [];
	const out = writer.doc.getMap<number>('bench');
	timer = setInterval(() => out.set('t', performance.now()), intervalMs);
}

function stop(): number[] {
	if (timer) clearInterval(timer);
	writer?.destroy();
	reader?.destroy();
	writer = reader = null;
	return samples;
}

/** Runs until `count` samples arrived (or `timeoutMs`), returns the latencies in ms. */
async function run(params: ProbeParams & { count: number }) {
	await start(params);
	const deadline = Date.now() + params.count * params.intervalMs * 3 + 10_000;
	while (samples.length < params.count && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
	return stop().slice(0, params.count);
}

serve({ start, stop, run });
