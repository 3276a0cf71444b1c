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
