import { sveltekit } from '@sveltejs/kit/vite';
import adapter from '@sveltejs/adapter-node';
import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { defineConfig } from 'vite';
import { devSyncEndpoint, runtimeEntry } from './server/vite.ts';

/**
 * Content-Security-Policy: SvelteKit adds a nonce for its own inline script and styles on each page.
 * Style attributes stay allowed (server-rendered `style:` and chart geometry cannot carry a nonce);
 * scripts only from our origin; the sync websocket is same-origin (connect-src 'self'); no framing
 * by any other page. The other security headers: src/lib/server/security-headers.ts.
 */
const CONTENT_SECURITY_POLICY: NonNullable<Parameters<typeof sveltekit>[0]>['csp'] = {
	mode: 'auto',
	directives: {
		'default-src': ['self'],
		'script-src': ['self'],
		'style-src': ['self'],
		'style-src-attr': ['unsafe-inline'],
		'img-src': ['self', 'data:'],
		'font-src': ['self'],
		'connect-src': ['self'],
		'object-src': ['none'],
		'base-uri': ['self'],
		'form-action': ['self'],
		'frame-ancestors': ['none']
	}
};

// SvelteKit 3 reads its configuration here: there is no svelte.config.js any more.
export default defineConfig({
	plugins: [
		paraglideVitePlugin({
			project: './project.inlang',
			outdir: './src/lib/paraglide',
			strategy: ['cookie', 'preferredLanguage', 'baseLocale']
		}),
		sveltekit({
			adapter: adapter(),
			compilerOptions: { runes: true },
			csp: CONTENT_SECURITY_POLICY
		}),
		devSyncEndpoint(),
		runtimeEntry()
	],
	// pragmatic-drag-and-drop's subpath entries are folders with a package.json (no `exports`), which
	// Node's ESM loader cannot import: bundle them into the server build instead.
	ssr: { noExternal: ['@atlaskit/pragmatic-drag-and-drop', '@atlaskit/pragmatic-drag-and-drop-hitbox'] }
});
