import { existsSync } from 'node:fs';
import { createServer, type RequestListener } from 'node:http';
import { startRuntime } from '../src/lib/server/start.ts';
import { printBanner } from './banner.ts';

/** Production entry: SvelteKit and the sync endpoint on one port, one process. */
const HANDLER = new URL('../build/handler.js', import.meta.url);
if (!existsSync(HANDLER)) {
	console.error('No build found: run `npm run build` first (npm start does it for you).');
	process.exit(1);
}

// Without ORIGIN, adapter-node would assume https; we tell it the protocol this socket really speaks,
// so the app works at whatever host it is reached by (localhost, 127.0.0.1, a LAN address).
const PROTOCOL_HEADER = 'x-bouture-protocol';
const fixedOrigin = Boolean(process.env.ORIGIN);
if (!fixedOrigin) process.env.PROTOCOL_HEADER = PROTOCOL_HEADER;

const { runtime, demo } = await startRuntime();
const { handler } = (await import(HANDLER.href)) as { handler: RequestListener };
const server = createServer((req, res) => {
	if (!fixedOrigin) req.headers[PROTOCOL_HEADER] = 'http';
	void handler(req, res);
});
server.on('upgrade', (req, socket, head) => {
	if (!runtime.sync.handleUpgrade(req, socket, head)) socket.destroy();
});

const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? '0.0.0.0';
server.listen(port, host, () => printBanner(server.address(), demo));

let stopping = false;
async function stop(signal: string): Promise<void> {
	if (stopping) return;
	stopping = true;
	console.log(`${signal}: stopping`);
	server.close();
	server.closeIdleConnections();
	await runtime.close();
	server.closeAllConnections();
	console.log('stopped');
	process.exit(0);
}
process.on('SIGTERM', () => void stop('SIGTERM'));
process.on('SIGINT', () => void stop('SIGINT'));
