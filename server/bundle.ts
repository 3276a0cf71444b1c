/** Where server/index.ts finds the built app (plain Node imports this: no Vite here). */
export const RUNTIME_ENTRY = 'bouture-runtime';
/** adapter-node's request handler; importing it runs SvelteKit's init hook. */
export const HANDLER = new URL('../build/handler.js', import.meta.url);
/** src/lib/server/runtime.ts as built: an entry of the server build (server/vite.ts adds it). */
export const RUNTIME = new URL(`../build/server/${RUNTIME_ENTRY}.js`, import.meta.url);
