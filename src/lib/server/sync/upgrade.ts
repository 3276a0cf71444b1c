import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';

/** Answers a refused websocket upgrade with a plain HTTP status, before any document byte. */
export function refuseUpgrade(socket: Duplex, status: number): void {
	if (!socket.writable) {
		socket.destroy();
		return;
	}
	const text = STATUS_CODES[status] ?? 'Error';
	socket.end(
		`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Type: text/plain\r\nContent-Length: ${Buffer.byteLength(text)}\r\n\r\n${text}`
	);
}
