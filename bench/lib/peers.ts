import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { scratch, statsEnv, type Kind, type ProcessOptions, type Target } from './targets.ts';

/** The servers we compare ours with, each a process that prints `listening on http://…` and takes `PUT /seed/{name}`. */
const BENCH = join(import.meta.dirname, '..');
const HOCUSPOCUS = join(BENCH, 'peers', 'hocuspocus');

interface Peer {
	child: ChildProcess;
	url: string;
}

function spawnPeer(args: string[], env: Record<string, string>, cwd?: string): Promise<Peer> {
	const child = spawn(process.execPath, args, {
		cwd,
		env: { ...process.env, ...env },
		stdio: ['ignore', 'pipe', 'inherit']
	});
	return new Promise((resolve, reject) => {
		let output = '';
		child.stdout.on('data', (chunk: Buffer) => {
			output += chunk.toString();
			const match = /listening on (http:\/\/\S+)/.exec(output);
			if (match?.[1]) resolve({ child, url: match[1] });
		});
		child.once('exit', (code) => reject(new Error(`${args.join(' ')} exited (${code}): ${output}`)));
	});
}

function signal(child: ChildProcess, name: NodeJS.Signals): Promise<void> {
	return new Promise((resolve) => {
		if (child.exitCode !== null || child.signalCode !== null) return resolve();
		child.once('exit', () => resolve());
		child.kill(name);
	});
}

/** A target around a peer process; `restart` starts it again (same arguments, so the same store). */
function peerTarget(kind: Kind, options: ProcessOptions, args: string[], cwd?: string): Promise<Target> {
	const start = async () => {
		const { env, stats } = statsEnv(options, false);
		return { ...(await spawnPeer(args, env, cwd)), stats };
	};
	return start().then((first) => {
		let peer = first;
		let rooms = 0;
		const addBoard = async (content: Uint8Array): Promise<string> => {
			const name = `room-${++rooms}-${Date.now()}`;
			const body = content as Uint8Array<ArrayBuffer>;
			const response = await fetch(`${peer.url}/seed/${name}`, { method: 'PUT', body });
			if (!response.ok) throw new Error(`seed failed: ${response.status}`);
			return name;
		};
		return {
			kind,
			get endpoint() {
				return { kind, url: peer.url, cookie: '' };
			},
			get stats() {
				return peer.stats;
			},
			addBoard,
			async addBoards(contents) {
				const ids: string[] = [];
				for (const content of contents) ids.push(await addBoard(content));
				return ids;
			},
			stop: () => signal(peer.child, 'SIGTERM'),
			...(kind === 'bare'
				? {}
				: {
						async crash() {
							await signal(peer.child, 'SIGKILL');
							peer = await start();
						}
					})
		};
	});
}

/** The bare relay (bare-relay.ts): no auth, no persistence. */
export function startBare(options: ProcessOptions = {}): Promise<Target> {
	return peerTarget('bare', options, [join(BENCH, 'bare-relay.ts')]);
}

/** Installs bench/peers/hocuspocus's own dependencies the first time (a fresh machine). */
function installHocuspocus(): void {
	if (existsSync(join(HOCUSPOCUS, 'node_modules'))) return;
	console.log('  installing bench/peers/hocuspocus (npm ci, first use)…');
	const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
	const result = spawnSync(npm, ['ci', '--no-audit', '--no-fund', '--prefix', HOCUSPOCUS], { stdio: 'inherit' });
	if (result.status !== 0) throw new Error(`npm ci --prefix ${HOCUSPOCUS} failed (${result.status})`);
}

let stores = 0;

/** Hocuspocus with its SQLite extension on a new database file: default debounce, or `debounce: 0`. */
export function startHocuspocus(kind: 'hocuspocus' | 'hocuspocus0', options: ProcessOptions = {}): Promise<Target> {
	installHocuspocus();
	const database = join(scratch, `hocuspocus-${++stores}.sqlite`);
	const debounce = kind === 'hocuspocus0' ? ['--debounce', '0'] : [];
	return peerTarget(kind, options, ['server.ts', '--database', database, ...debounce], HOCUSPOCUS);
}
