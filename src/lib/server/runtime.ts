import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { ClusterBus } from './cluster/bus.ts';
import type { Leases } from './cluster/lease.ts';
import type { Config } from './config.ts';
import type { Db } from './db/open.ts';
import type { MailQueue } from './mail-outbox.ts';
import type { BoardActivity } from './services/board-activity.ts';
import type { DemoLogin } from './seed/demo.ts';
import type { BoardProjection } from './projection/board-projection.ts';
import type { SyncHub } from './sync/hub.ts';
import { startRuntime } from './start.ts';

/** What every request handler shares with the websocket server: one instance per process. */
export interface Runtime {
	config: Config;
	db: Db;
	/** How this process tells the others of its deployment things (a no-op when it is alone). */
	bus: ClusterBus;
	/** Which process does the side effects of each board and periodic job (all of them, when alone). */
	leases: Leases;
	sync: SyncHub;
	/** The relational view of the boards (card rows, events), and the guest portal's change notices. */
	projection: BoardProjection;
	/** E-mails, queued in the outbox that a poller sends (disabled when SMTP_URL is unset). */
	mail: MailQueue;
	/** Card events on any board, this process's and (over the bus) the others'. */
	boardActivity: BoardActivity;
	close(): Promise<void>;
}

// This module is the process's one copy of the server library's state. hooks.server.ts `init` starts
// the runtime; the process hosting SvelteKit reaches the same module instance: in production
// server/index.ts imports it from the built bundle (an entry of the server build, see server/vite.ts),
// in dev the Vite plugin imports it through the SSR module runner that SvelteKit itself uses.
let starting: Promise<Runtime> | null = null;
let current: Runtime | null = null;
let demo: DemoLogin[] | null = null;

/** Starts the runtime on the first call; later calls get the same one. */
export function startRuntimeOnce(): Promise<Runtime> {
	starting ??= startRuntime().then((started) => {
		current = started.runtime;
		demo = started.demo;
		return current;
	});
	return starting;
}

/** The started runtime; only hooks.server.ts calls it (routes read the narrow deps it puts on locals). */
export function getRuntime(): Runtime {
	if (!current) throw new Error('Bouture runtime not started (hooks.server.ts init starts it)');
	return current;
}

/** The logins of the demo this start seeded, for the banner; null when none was seeded. */
export function demoLogins(): DemoLogin[] | null {
	return demo;
}

/** Takes a websocket upgrade to /sync/{boardId}; false for any other URL (the caller decides). */
export async function handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): Promise<boolean> {
	const runtime = await startRuntimeOnce();
	return runtime.sync.handleUpgrade(req, socket, head);
}

/** Stores and compacts every live board, then closes the database. */
export async function stopRuntime(): Promise<void> {
	const stopping = starting;
	starting = null;
	current = null;
	if (stopping) await (await stopping).close();
}

// In dev, editing a server module makes Vite's SSR runner evaluate every module again, this one
// included: the old runtime must release the database and its rooms before a new one starts.
import.meta.hot?.on('vite:beforeFullReload', stopRuntime);
