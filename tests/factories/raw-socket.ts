import { connect } from 'node:net';
import WebSocket from 'ws';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';

/** A raw socket on /sync/{path}, as a hostile member would open one (cookie + right Origin). */
export interface RawSocket {
	ws: WebSocket;
	/** Resolves once open. */
	opened: Promise<void>;
	/** Resolves with the close code. */
	closed: Promise<number>;
}

export function openRawSocket(baseUrl: string, path: string, cookie: string): RawSocket {
	const ws = new WebSocket(`${baseUrl.replace(/^http/, 'ws')}/sync/${path}`, {
		headers: { Cookie: cookie, Origin: baseUrl }
	});
	ws.on('error', () => {});
	return {
		ws,
		opened: new Promise((resolve) => ws.once('open', () => resolve())),
		closed: new Promise((resolve) => ws.once('close', (code) => resolve(code)))
	};
}

/** "Send me the whole document": sync step 1 with an empty state vector (4 bytes). */
export const ASK_EVERYTHING = Uint8Array.of(0, syncProtocol.messageYjsSyncStep1, 1, 0);

/** A y-websocket update frame carrying `update`. */
export function updateFrame(update: Uint8Array): Uint8Array {
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, 0);
	syncProtocol.writeUpdate(encoder, update);
	return encoding.toUint8Array(encoder);
}

/**
 * Sends a websocket upgrade request for /sync/{path} over plain TCP, then resets the connection (RST)
 * after `afterMs`, while the server is still checking the session: a client dropping mid-upgrade.
 */
export async function resetMidUpgrade(baseUrl: string, path: string, cookie: string, afterMs: number): Promise<void> {
	const { hostname, port, origin } = new URL(baseUrl);
	const socket = connect(Number(port), hostname);
	socket.on('error', () => {});
	await new Promise((resolve) => socket.once('connect', resolve));
	socket.write(
		[
			`GET /sync/${path} HTTP/1.1`,
			`Host: ${hostname}:${port}`,
			'Upgrade: websocket',
			'Connection: Upgrade',
			'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==',
			'Sec-WebSocket-Version: 13',
			`Origin: ${origin}`,
			`Cookie: ${cookie}`,
			'',
			''
		].join('\r\n')
	);
	await new Promise((resolve) => setTimeout(resolve, afterMs));
	socket.resetAndDestroy();
}
