import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

/** A load-generating client process (bench/clients/{name}.ts), driven over IPC. */
export interface ClientProcess {
	request<T>(command: string, params?: unknown): Promise<T>;
	stop(): Promise<void>;
}

export function forkClient(name: string): ClientProcess {
	const child: ChildProcess = fork(join(import.meta.dirname, '..', 'clients', `${name}.ts`), [], {
		stdio: ['ignore', 'inherit', 'inherit', 'ipc']
	});
	let next = 0;
	const waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
	child.on('message', (raw) => {
		const { id, result, error } = raw as { id: number; result?: unknown; error?: string };
		const entry = waiting.get(id);
		waiting.delete(id);
		if (error) entry?.reject(new Error(`${name}: ${error}`));
		else entry?.resolve(result);
	});
	child.on('exit', (code) => {
		for (const entry of waiting.values()) entry.reject(new Error(`${name} exited (${code})`));
		waiting.clear();
	});
	return {
		request<T>(command: string, params?: unknown): Promise<T> {
			const id = ++next;
			return new Promise<T>((resolve, reject) => {
				waiting.set(id, { resolve: resolve as (v: unknown) => void, reject });
				child.send({ id, command, params });
			});
		},
		stop: () =>
			new Promise<void>((resolve) => {
				if (child.exitCode !== null || child.signalCode !== null) return resolve();
				child.once('exit', () => resolve());
				child.disconnect();
			})
	};
}

/** Runs `count` client processes, stops them all afterwards. */
export async function withClients<T>(
	name: string,
	count: number,
	use: (clients: ClientProcess[]) => Promise<T>
): Promise<T> {
	const clients = Array.from({ length: count }, () => forkClient(name));
	try {
		return await use(clients);
	} finally {
		await Promise.all(clients.map((c) => c.stop()));
	}
}
