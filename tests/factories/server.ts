import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTempPgDatabase, databaseUrlOf, onPostgres } from './pg.ts';

export interface RunningServer {
	url: string;
	port: number;
	/** The server's database: a SQLite file's path, or under PG_URL the postgres:// URL of its own database. */
	dbPath: string;
	log: () => string;
	/** Graceful stop (SIGTERM); resolves with the exit code. */
	stop(): Promise<number | null>;
	/** SIGKILL: a crash, nothing flushed. */
	kill(): Promise<void>;
}

export function tempDbPath(): string {
	return join(mkdtempSync(join(tmpdir(), 'bouture-')), 'test.db');
}

/** A fresh database for one server: a SQLite file in a temp folder, or a new PostgreSQL database under PG_URL. */
export async function tempDatabase(): Promise<string> {
	return onPostgres ? createTempPgDatabase() : tempDbPath();
}

/** Starts the real production server (`node server/index.ts`) on port 0 with its own database. */
export async function startServer(
	options: { dbPath?: string; port?: number; env?: Record<string, string>; startTimeoutMs?: number } = {}
): Promise<RunningServer> {
	const dbPath = options.dbPath ?? (await tempDatabase());
	const child = spawn(process.execPath, ['server/index.ts'], {
		env: {
			...process.env,
			PORT: String(options.port ?? 0),
			HOST: '127.0.0.1',
			DATABASE_URL: databaseUrlOf(dbPath),
			SEED_DEMO: 'false',
			ORIGIN: '',
			...options.env
		},
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let output = '';
	child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
	const port = await new Promise<number>((resolve, reject) => {
		const timer = setTimeout(
			() => reject(new Error(`server did not start:\n${output}`)),
			options.startTimeoutMs ?? 20_000
		);
		child.stdout?.on('data', (chunk: Buffer) => {
			output += chunk.toString();
			const match = /listening on http:\/\/[^:]+:(\d+)/.exec(output);
			if (match) {
				clearTimeout(timer);
				resolve(Number(match[1]));
			}
		});
		child.on('exit', (code) => reject(new Error(`server exited (${code}):\n${output}`)));
	});
	return {
		url: `http://127.0.0.1:${port}`,
		port,
		dbPath,
		log: () => output,
		stop: () => signal(child, 'SIGTERM'),
		kill: async () => void (await signal(child, 'SIGKILL'))
	};
}

function signal(child: ChildProcess, name: NodeJS.Signals): Promise<number | null> {
	if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
	return new Promise((resolve) => {
		child.once('exit', (code) => resolve(code));
		child.kill(name);
	});
}
