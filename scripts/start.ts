import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { withMallocDefaults } from '../server/malloc.ts';

/** `npm start`: build when the sources are newer than the build, then run the production server. */
const BUILD_MARK = 'build/handler.js';
const SOURCES = [
	'src',
	'messages',
	'project.inlang',
	'static',
	'vite.config.ts',
	'server/vite.ts',
	'package-lock.json'
];

function newestMtime(path: string): number {
	if (!existsSync(path)) return 0;
	const stat = statSync(path);
	if (!stat.isDirectory()) return stat.mtimeMs;
	if (path.endsWith('paraglide')) return 0; // generated during the build itself
	return Math.max(0, ...readdirSync(path).map((name) => newestMtime(join(path, name))));
}

function run(args: string[], env: NodeJS.ProcessEnv = process.env): void {
	const result = spawnSync(process.execPath, args, { stdio: 'inherit', env });
	if (result.status !== 0) process.exit(result.status ?? 1);
}

const built = existsSync(BUILD_MARK) ? statSync(BUILD_MARK).mtimeMs : 0;
if (built < Math.max(...SOURCES.map(newestMtime))) {
	console.log('Building Bouture…');
	run(['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn']);
}
run(['server/index.ts'], withMallocDefaults(process.env)); // malloc settings: see server/malloc.ts
