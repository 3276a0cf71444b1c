import { createServer, connect, type AddressInfo, type Server, type Socket } from 'node:net';

/**
 * A TCP pass-through on a local port to `host:port` (C1 puts one between a server process and Redis,
 * no root needed). `cut()` drops every connection and turns new ones away (closed at once, as a lost
 * route would end them); `heal()` lets them through again.
 */
export class TcpProxy {
	readonly #server: Server;
	readonly #pairs = new Set<[Socket, Socket]>();
	#open = true;

	private constructor(server: Server) {
		this.#server = server;
	}

	static async start(host: string, port: number): Promise<TcpProxy> {
		const server = createServer();
		const proxy = new TcpProxy(server);
		server.on('connection', (client) => proxy.#accept(client, host, port));
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		return proxy;
	}

	get port(): number {
		return (this.#server.address() as AddressInfo).port;
	}

	/** Connections dropped and refused from now on. */
	cut(): void {
		this.#open = false;
		for (const [a, b] of this.#pairs) {
			a.destroy();
			b.destroy();
		}
		this.#pairs.clear();
	}

	heal(): void {
		this.#open = true;
	}

	close(): Promise<void> {
		this.cut();
		return new Promise((resolve) => this.#server.close(() => resolve()));
	}

	#accept(client: Socket, host: string, port: number): void {
		if (!this.#open) return void client.destroy();
		const upstream = connect(port, host);
		const pair: [Socket, Socket] = [client, upstream];
		this.#pairs.add(pair);
		const end = () => {
			this.#pairs.delete(pair);
			client.destroy();
			upstream.destroy();
		};
		for (const socket of pair) {
			socket.setNoDelay(true);
			socket.on('error', end);
			socket.on('close', end);
		}
		client.pipe(upstream);
		upstream.pipe(client);
	}
}
