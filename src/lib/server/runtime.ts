import type { Config } from './config.ts';
import type { Db } from './db/open.ts';
import type { LoginThrottle } from './auth/throttle.ts';
import type { Mailer } from './mail.ts';
import type { BoardProjection } from './projection/board-projection.ts';
import type { SyncHub } from './sync/hub.ts';

/** What every request handler shares with the websocket server: one instance per process. */
export interface Runtime {
	config: Config;
	db: Db;
	sync: SyncHub;
	/** The relational view of the boards (card rows, events), and the guest portal's change notices. */
	projection: BoardProjection;
	throttle: LoginThrottle;
	/** Null when SMTP_URL is unset: invitation links are then only shown for copying. */
	mailer: Mailer | null;
	close(): Promise<void>;
}

// SvelteKit's bundle and the server entry load this file as different module copies (in dev, Vite's
// SSR graph and the config's plain Node graph), so the instance lives on a global, not a module variable.
const KEY = Symbol.for('bouture.runtime');
const slot = globalThis as { [KEY]?: Runtime };

export function setRuntime(runtime: Runtime): void {
	slot[KEY] = runtime;
}

/** Forgets `runtime` unless a newer one (e.g. after a dev-server restart) already took its place. */
export function clearRuntime(runtime: Runtime): void {
	if (slot[KEY] === runtime) delete slot[KEY];
}

export function getRuntime(): Runtime {
	const runtime = slot[KEY];
	if (!runtime) throw new Error('Bouture runtime not started (run through server/index.ts or vite dev)');
	return runtime;
}
