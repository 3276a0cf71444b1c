import { existsSync } from 'node:fs';
import { createServer, type RequestListener } from 'node:http';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { printBanner } from './banner.ts';
import { originStamp } from './origin.ts';
import { HANDLER, RUNTIME } from './bundle.ts';

/** Production entry: SvelteKit and the sync endpoint on one port, one process. */
if (!existsSync(HANDLER)) {
	console.error('No build found: run `npm run build` first (npm start does it for you).');
	process.exit(1);
}

// The sync hub runs a collection after rooms unload, to hand their memory back (src/lib/server/sync/reclaim.ts):
// it needs \`gc\`, exposed here unless node was started with --expose-gc.
if (typeof globalThis.gc !== 'function') {
	setFlagsFromString('--expose-gc');
	globalThis.gc = runInNewContext('gc') as NodeJS.GCFunction;
}

// ORIGIN when set, else plain http at whatever host the app is reached by (localhost, a LAN address).
const stampOrigin = originStamp(process.env.ORIGIN);

// Board backups and Trello exports are uploaded as forms: room for their 10 MB (see transfer/limits.ts).
process.env.BODY_SIZE_LIMIT ??= '12M';

// Importing the handler runs SvelteKit's init hook, which starts the runtime (database, sync hub); the
// runtime module comes from the same bundle, so this process holds one copy of the server library.
const { handler } = (await import(HANDLER.href)) as { handler: RequestListener };
const runtime = (await import(RUNTIME.href)) as typeof import('../src/lib/server/runtime.ts');
const server = createServer((req, res) => {
	stampOrigin(req);
	void handler(req, res);
});
server.on('upgrade', (req, socket, head) => {
	// Node hands the socket over without an error listener: a client resetting it mid-upgrade (while its
	// session is checked) would otherwise throw an uncaught ECONNRESET and stop the process.
	socket.on('error', () => socket.destroy());
	runtime.handleUpgrade(req, socket, head).then(
		(taken) => taken || socket.destroy(),
		() => socket.destroy()
	);
});

const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? '0.0.0.0';
server.listen(port, host, () => printBanner(server.address(), runtime.demoLogins()));

let stopping = false;
async function stop(signal: string): Promise<void> {
	if (stopping) return;
	stopping = true;
	console.log(`${signal}: stopping`);
	server.close();
	server.closeIdleConnections();
	await runtime.stopRuntime();
	server.closeAllConnections();
	console.log('stopped');
	process.exit(0);
}
process.on('SIGTERM', () => void stop('SIGTERM'));
process.on('SIGINT', () => void stop('SIGINT'));
