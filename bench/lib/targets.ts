import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Db } from '../../src/lib/server/db/open.ts';
import { createMember, createTestBoard, openTestDb, type Member } from '../../tests/factories/accounts.ts';
import { startServer, type RunningServer } from '../../tests/factories/server.ts';
import { MALLOC_DEFAULTS } from '../../server/malloc.ts';
import { startBare, startHocuspocus } from './peers.ts';
import { ServerStats } from './server-stats.ts';

/** Our server, the bare relay, Hocuspocus with its default store debounce, Hocuspocus with `debounce: 0`. */
export type Kind = 'ours' | 'bare' | 'hocuspocus' | 'hocuspocus0';
export const KINDS: readonly Kind[] = ['ours', 'bare', 'hocuspocus', 'hocuspocus0'];

/** What a client process needs to reach a board on either server (plain data, sent over IPC). */
export interface Endpoint {
	kind: Kind;
	url: string;
	cookie: string;
}

export interface Target {
	kind: Kind;
	endpoint: Endpoint;
	stats: ServerStats;
	/** A new board holding `content` (a Yjs update), ready to be opened by clients. */
	addBoard(content: Uint8Array): Promise<string>;
	/** Many at once (ours: one transaction). */
	addBoards(contents: Uint8Array[]): Promise<string[]>;
	stop(): Promise<void>;
	/** kill -9, then start again on the same store (servers that persist). */
	crash?(): Promise<void>;
}

export interface Ours extends Target {
	kind: 'ours';
	db: Db;
	member: Member;
	server: RunningServer;
	/** Graceful stop and start on the same database (a cold start: nothing in memory). */
	restart(): Promise<void>;
}

export interface ProcessOptions {
	/** Extra node flags for the server process (e.g. --cpu-prof). */
	nodeFlags?: string[];
}

const HOOK = pathToFileURL(join(import.meta.dirname, 'stats-hook.ts')).href;
export const scratch = mkdtempSync(join(tmpdir(), 'bouture-bench-'));
let files = 0;

export function statsEnv(options: ProcessOptions, store: boolean): { env: Record<string, string>; stats: ServerStats } {
	const file = join(scratch, `stats-${++files}.jsonl`);
	const flags = [`--import=${HOOK}`, ...(options.nodeFlags ?? [])];
	const env: Record<string, string> = { NODE_OPTIONS: flags.join(' '), BOUTURE_BENCH_STATS: file };
	if (store) env.BOUTURE_BENCH_STORE = '1';
	return { env, stats: new ServerStats(file) };
}

/** New boards of `member`, each holding one of `contents` (a Yjs update) as its snapshot, in one transaction. */
export async function seedBoards(db: Db, member: Member, contents: Uint8Array[]): Promise<string[]> {
	const ids: string[] = [];
	for (let i = 0; i < contents.length; i++) ids.push(await createTestBoard(db, member));
	await db.transaction().execute(async (trx) => {
		for (const [i, data] of contents.entries())
			await trx
				.insertInto('board_snapshot')
				.values({ board_id: ids[i] ?? '', seq: 0, data, created_at: Date.now() })
				.execute();
	});
	return ids;
}

/** Our server runs with the malloc settings `npm start` gives it (server/malloc.ts), unless the bench's own environment sets them. */
export function oursEnv(env: Record<string, string>): Record<string, string> {
	const own = Object.fromEntries(Object.entries(MALLOC_DEFAULTS).filter(([name]) => process.env[name] === undefined));
	return { ...own, ...env };
}

/** Our production server (`node server/index.ts`), a temp SQLite file, one member who owns every board. */
export async function startOurs(options: ProcessOptions = {}, dbPath?: string): Promise<Ours> {
	let { env, stats } = statsEnv(options, true);
	let server = await startServer({ env: oursEnv(env), dbPath });
	const db = openTestDb(server.dbPath);
	const member = await createMember(db, 'Bench');
	const addBoards = (contents: Uint8Array[]) => seedBoards(db, member, contents);
	const ours: Ours = {
		kind: 'ours',
		db,
		member,
		get server() {
			return server;
		},
		get stats() {
			return stats;
		},
		get endpoint() {
			return { kind: 'ours' as const, url: server.url, cookie: member.cookie };
		},
		addBoards,
		addBoard: async (content) => (await addBoards([content]))[0] ?? '',
		async restart() {
			await server.stop();
			({ env, stats } = statsEnv(options, true));
			try {
				server = await startServer({ env: oursEnv(env), dbPath: server.dbPath });
			} catch (error) {
				stats.killProcess(); // startServer gave up waiting, but the process runs on
				throw error;
			}
		},
		async stop() {
			await server.stop();
			await db.destroy();
		},
		async crash() {
			await server.kill();
			({ env, stats } = statsEnv(options, true));
			server = await startServer({ env: oursEnv(env), dbPath: server.dbPath });
		}
	};
	return ours;
}

export function startTarget(kind: Kind, options: ProcessOptions = {}): Promise<Target> {
	if (kind === 'ours') return startOurs(options);
	return kind === 'bare' ? startBare(options) : startHocuspocus(kind, options);
}
