import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Received {
	headers: Record<string, string | string[] | undefined>;
	body: string;
	/** When it arrived (epoch ms). */
	at: number;
}

/** A local webhook receiver on port 0: it records every request and answers `status()` (200 unless told). */
export interface Receiver {
	url: string;
	received: Received[];
	/** What the next requests get. */
	answer(status: number): void;
	close(): Promise<void>;
}

export async function startReceiver(): Promise<Receiver> {
	const received: Received[] = [];
	let status = 200;
	const server: Server = createServer((req, res) => {
		let body = '';
		req.on('data', (chunk: Buffer) => (body += chunk.toString()));
		req.on('end', () => {
			received.push({ headers: req.headers, body, at: Date.now() });
			res.writeHead(status).end();
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}/hook`,
		received,
		answer: (next) => (status = next),
		close: () => new Promise((resolve) => server.close(() => resolve()))
	};
}
