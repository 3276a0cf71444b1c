import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';

/**
 * Hocuspocus speaks the y-websocket protocol with every frame prefixed by the document name
 * (varString), and wants an auth frame (type 2, token) before anything else. This WebSocket class
 * translates, so the bench's clients (Wire, the stock y-websocket provider) talk to it unchanged:
 * it sends the auth frame on open, prefixes what goes out, strips the prefix from what comes in and
 * drops Hocuspocus's own frames (auth answers, sync-status acks) that a y-websocket client does not know.
 */
const MESSAGE_AUTH = 2;
const AUTH_TOKEN = 0;
/** Sync, awareness and query-awareness: what the y-websocket protocol carries. */
const PASSED = new Set([0, 1, 3]);

function frame(name: string, write: (encoder: encoding.Encoder) => void): Uint8Array {
	const encoder = encoding.createEncoder();
	encoding.writeVarString(encoder, name);
	write(encoder);
	return encoding.toUint8Array(encoder);
}

/** The frame without its document name, as the type `data` came in; null when it is not for y-websocket. */
function unwrap(data: unknown): unknown {
	const bytes = data instanceof ArrayBuffer ? new Uint8Array(data) : (data as Buffer);
	const decoder = decoding.createDecoder(bytes);
	decoding.readVarString(decoder);
	const start = decoder.pos;
	if (!PASSED.has(decoding.readVarUint(decoder))) return null;
	return data instanceof ArrayBuffer ? data.slice(start) : bytes.subarray(start);
}

export function hocuspocusSocket(documentName: string): typeof WebSocket {
	return class HocuspocusSocket extends WebSocket {
		override send(data: unknown, ...rest: unknown[]): void {
			const bytes = data instanceof ArrayBuffer ? new Uint8Array(data) : (data as Uint8Array);
			const prefixed = frame(documentName, (e) => encoding.writeUint8Array(e, bytes));
			(super.send as (...args: unknown[]) => void)(prefixed, ...rest);
		}

		override emit(event: string | symbol, ...args: unknown[]): boolean {
			if (event === 'open') {
				const auth = frame(documentName, (e) => {
					encoding.writeVarUint(e, MESSAGE_AUTH);
					encoding.writeVarUint(e, AUTH_TOKEN);
					encoding.writeVarString(e, 'bench');
				});
				super.send(auth);
			}
			if (event === 'message') {
				const inner = unwrap(args[0]);
				if (inner === null) return false;
				args[0] = inner;
			}
			return super.emit(event, ...args);
		}
	};
}
