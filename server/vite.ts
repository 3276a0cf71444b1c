import { resolve } from 'node:path';
import { isRunnableDevEnvironment, type Plugin, type ViteDevServer } from 'vite';
import { RUNTIME_ENTRY } from './bundle.ts';

/** The module that holds the process's runtime (see its header). */
const RUNTIME_MODULE = 'src/lib/server/runtime.ts';

type RuntimeModule = typeof import('../src/lib/server/runtime.ts');

/**
 * The server build gets the runtime module as an entry of its own, so that server/index.ts imports
 * the very module instance the bundled hooks and routes use (one chunk graph, one copy).
 */
export function runtimeEntry(): Plugin {
	return {
		name: 'bouture-runtime-entry',
		apply: 'build',
		config: () => ({
			environments: { ssr: { build: { rolldownOptions: { input: { [RUNTIME_ENTRY]: resolve(RUNTIME_MODULE) } } } } }
		})
	};
}

/**
 * `vite dev` gets the same /sync/{boardId} endpoint as the production server, on the runtime the routes
 * use: the runtime module is imported through the SSR environment's module runner, the one SvelteKit
 * loads hooks and routes with. (Vite 8's `server.ssrLoadModule` runs a second runner with module
 * instances of its own, so it would start a second runtime.)
 */
export function devSyncEndpoint(): Plugin {
	let server: ViteDevServer | null = null;
	const runner = () => {
		const ssr = server?.environments.ssr;
		if (!ssr || !isRunnableDevEnvironment(ssr)) throw new Error('the SSR environment cannot run modules');
		return ssr.runner;
	};
	const load = async () => (await runner().import(`/${RUNTIME_MODULE}`)) as RuntimeModule;
	return {
		name: 'bouture-sync-endpoint',
		apply: 'serve',
		configureServer(dev) {
			server = dev;
			dev.httpServer?.on('upgrade', (req, socket, head: Buffer) => {
				if (!req.url?.startsWith('/sync/')) return; // e.g. Vite's own HMR socket
				socket.on('error', () => socket.destroy()); // a client reset mid-upgrade must not stop dev (see index.ts)
				load()
					.then((runtime) => runtime.handleUpgrade(req, socket, head))
					.then((taken) => taken || socket.destroy())
					.catch((error: unknown) => {
						console.error(`[sync] dev upgrade failed: ${String(error)}`);
						socket.destroy();
					});
			});
		},
		// Vite calls this for each environment while it closes (SIGTERM, restart), before the SSR runner
		// closes: every live board is stored and compacted, as in production. The runner cannot fetch
		// modules any more at this point, so this takes the runtime module only if it was evaluated.
		async closeBundle() {
			if (this.environment.name !== 'ssr' || !server) return;
			const node = runner().evaluatedModules.getModuleById(resolve(RUNTIME_MODULE));
			const runtime = (await node?.promise) as RuntimeModule | undefined;
			await runtime?.stopRuntime();
		}
	};
}
