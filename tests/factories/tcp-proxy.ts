import { createConnection, createServer, type Socket } from 'node:net';

export interface TcpProxy {
	/** Where to connect instead of the target (127.0.0.1 and the proxy's port). */
	port: number;
	/** Drops every connection through it, and refuses new ones until `heal` (the target unreachable). */
	cut(): void;
	heal(): void;
	close(): Promise<void>;
}

/**
 * A TCP proxy to `target` (no root needed), to cut one process off from a server (e.g. Redis) while
 * the others keep reaching it.
 */
export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
	const pairs = new Set<[Socket, Socket]>();
	let cut = false;
	const server = createServer((downstream) => {
		if (cut) return void downstream.destroy();
		const upstream = createConnection(target);
		const pair: [Socket, Socket] = [downstream, upstream];
		pairs.add(pair);
		const drop = () => {
			pairs.delete(pair);
			downstream.destroy();
			upstream.destroy();
		};
		for (const socket of pair) socket.on('error', drop).on('close', drop);
		downstream.pipe(upstream);
		upstream.pipe(downstream);
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const address = server.address();
	if (address === null || typeof address === 'string') throw new Error('proxy has no port');
	const dropAll = () => {
		for (const pair of pairs) for (const socket of pair) socket.destroy();
		pairs.clear();
	};
	return {
		port: address.port,
		cut() {
			cut = true;
			dropAll();
		},
		heal() {
			cut = false;
		},
		close() {
			dropAll();
			return new Promise((resolve) => server.close(() => resolve()));
		}
	};
}
