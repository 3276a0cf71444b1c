import { sveltekit } from '@sveltejs/kit/vite';
import adapter from '@sveltejs/adapter-node';
import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { defineConfig } from 'vite';
import { devSyncEndpoint, runtimeEntry } from './server/vite.ts';

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
			compilerOptions: { runes: true }
		}),
		devSyncEndpoint(),
		runtimeEntry()
	],
	// pragmatic-drag-and-drop's subpath entries are folders with a package.json (no `exports`), which
	// Node's ESM loader cannot import: bundle them into the server build instead.
	ssr: { noExternal: ['@atlaskit/pragmatic-drag-and-drop', '@atlaskit/pragmatic-drag-and-drop-hitbox'] }
});
