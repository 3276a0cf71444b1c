import { existsSync } from 'node:fs';
import { createServer, type RequestListener } from 'node:http';
import { startRuntime } from '../src/lib/server/start.ts';
import { printBanner } from './banner.ts';
import { originStamp } from './origin.ts';

/** Production entry: SvelteKit and the sync endpoint on one port, one process. */
const HANDLER = new URL('../build/handler.js', import.meta.url);
if (!existsSync(HANDLER)) {
	console.error('No build found: run `npm run build` first (npm start does it for you).');
	process.exit(1);
}

// ORIGIN when set, else plain http at whatever host the app is reached by (localhost, a LAN address).
const stampOrigin = originStamp(process.env.ORIGIN);

const { runtime, demo } = await startRuntime();
const { handler } = (await import(HANDLER.href)) as { handler: RequestListener };
const server = createServer((req, res) => {
	stampOrigin(req);
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
