import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';

/*
 * The import rules of ARCHITECTURE.md, checked by `no-restricted-imports` so the next breach fails lint:
 * domain ← everyone; board ← collab, components, routes, server; lib/server only from server-side files;
 * collab and components only from routes and each other; server/ never imports routes or components.
 * ESLint applies the last matching block's options, so each folder's block repeats the rules that
 * apply to it. Tests (and bench) may import what they test and the helpers they need.
 */
const TESTS = ['**/*.test.ts', 'tests/**', 'bench/**'];
/** Kit refuses to bundle src/lib/server into the browser; these files only ever run on the server
 * (app.d.ts only declares the types of `event.locals`). */
const SERVER_SIDE = ['src/lib/server/**', '**/*.server.ts', '**/+server.ts', 'src/app.d.ts'];
const CODE = ['**/*.ts', '**/*.svelte'];

/** An import of `folders` of src/lib, through `#lib/…` or a relative path. */
const lib = (folders) => `^#lib/(${folders})/|^(\\.\\./)+(lib/)?(${folders})/|/lib/(${folders})/`;
const RULES = {
	serverOnly: {
		regex: lib('server'),
		message:
			'src/lib/server is server-only: import it from *.server.ts, +server.ts, hooks.server.ts, server/ or src/lib/server.'
	},
	ui: {
		regex: '^svelte($|/)|^@sveltejs/|^\\$app/',
		message: 'No Svelte or SvelteKit here: this module is shared by the browser, the server and plain Node.'
	},
	crdt: { regex: '^(yjs|y-[a-z-]+|lib0)($|/)', message: 'domain/ is pure: no Yjs (board/ holds the document).' },
	words: {
		regex: '(^|/)paraglide/',
		message: 'Return codes; src/lib/i18n/labels.ts turns them into messages.'
	}
};
const SERVER_RULES = [
	{ regex: '^svelte($|/)', message: 'src/lib/server renders no Svelte.' },
	{
		regex: lib('collab|components') + '|(^|/)routes/',
		message: 'src/lib/server does not import the browser side (collab/, components/) nor routes.'
	}
];
const layer = (files, rules) => ({
	files,
	ignores: TESTS,
	rules: { 'no-restricted-imports': ['error', { patterns: rules }] }
});
const ARCHITECTURE = [
	layer(
		CODE.map((glob) => `src/${glob}`),
		[RULES.serverOnly]
	),
	{ files: SERVER_SIDE, rules: { 'no-restricted-imports': 'off' } },
	layer(
		['src/lib/domain/**'],
		[
			RULES.ui,
			RULES.crdt,
			RULES.words,
			{
				regex: lib('board|collab|components|server|i18n|content'),
				message: 'domain/ is pure: it imports nothing but domain/ (and small pure libraries).'
			}
		]
	),
	layer(
		['src/lib/board/**'],
		[
			RULES.ui,
			RULES.words,
			{ regex: lib('collab|components|server|i18n'), message: 'board/ is the document schema: domain/ and Yjs only.' }
		]
	),
	layer(
		['src/lib/content/**'],
		[
			RULES.ui,
			RULES.crdt,
			RULES.words,
			{
				regex: lib('board|collab|components|server|i18n'),
				message: 'Content loaders read data: domain/ and valibot only.'
			}
		]
	),
	layer(
		['src/lib/i18n/**'],
		[
			RULES.ui,
			RULES.crdt,
			RULES.serverOnly,
			{ regex: lib('components|content'), message: 'i18n/ maps codes to messages: domain/ and paraglide only.' },
			{
				regex: lib('board|collab'),
				allowTypeImports: true,
				message: 'i18n/ may only take code types from board/ and collab/.'
			}
		]
	),
	layer(
		['src/lib/components/**'],
		[RULES.serverOnly, { regex: '(^|/)routes/', message: 'collab/ and components/ do not know routes.' }]
	),
	layer(
		['src/lib/collab/**'],
		[
			RULES.serverOnly,
			{ regex: '(^|/)routes/', message: 'collab/ and components/ do not know routes.' },
			{ regex: lib('components'), message: 'collab/ is the browser side of real time: no components.' }
		]
	),
	layer(['src/lib/server/**'], SERVER_RULES),
	// sync/ is transport only: projection/ subscribes to its hooks, services/ reach rooms through deps.ts.
	layer(
		['src/lib/server/sync/**'],
		[
			...SERVER_RULES,
			{
				regex: '(^|/)(services|projection)/',
				message: 'sync/ is transport only: it knows no services/ nor projection/.'
			}
		]
	),
	layer(
		['src/lib/server/services/**'],
		[
			...SERVER_RULES,
			{ regex: '(^|/)sync/', message: 'services/ take rooms from their narrow deps (deps.ts), never from sync/.' }
		]
	),
	layer(
		['server/**'],
		[
			{
				regex: lib('collab|components') + '|(^|/)src/routes/',
				message: 'server/ starts the server: it imports src/lib/server only, never routes or components.'
			}
		]
	)
];

export default ts.config(
	{ ignores: ['build/', '.svelte-kit/', 'node_modules/', 'src/lib/paraglide/', 'reports/', 'test-results/', 'data/'] },
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	prettier,
	...svelte.configs.prettier,
	{ languageOptions: { globals: { ...globals.browser, ...globals.node } } },
	{
		files: ['**/*.svelte', '**/*.svelte.ts'],
		languageOptions: { parserOptions: { projectService: true, extraFileExtensions: ['.svelte'], parser: ts.parser } }
	},
	...ARCHITECTURE,
	{
		rules: {
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
			// Kit's resolve() is for base-path apps; this app is served at the root.
			'svelte/no-navigation-without-resolve': 'off'
		}
	}
);
