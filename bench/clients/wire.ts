import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import type { Endpoint } from '../lib/targets.ts';
import { socketFor } from './socket.ts';

/**
 * A lean y-websocket client for load: the same wire protocol as the stock provider (sync step 1/2,
 * updates), without awareness or reconnection, and it only applies what it is told to. Hundreds of
 * them fit in one process, so the load is the server's work, not the clients'.
 */
export interface WireOptions {
	/** The local document: its state is offered at sync, its own changes are sent. */
	doc?: Y.Doc;
	/** Apply incoming updates to `doc` after the first sync. */
	applyUpdates?: boolean;
	/** Apply the first sync step 2 (the document as it is) to `doc`: true unless told. */
	applyFirstSync?: boolean;
	onUpdate?: (update: Uint8Array) => void;
	/** Called on every sync step 2 received (a full or partial state). */
	onSyncStep2?: (bytes: number) => void;
	/** The generation of the board document `doc` belongs to (the `gen` parameter; the server's default is 0). */
	generation?: number;
}

/** How the server closed the socket (see src/lib/domain/close-codes.ts). */
export interface Closed {
	code: number;
	reason: string;
}

export class Wire {
	readonly doc: Y.Doc;
	readonly ws: WebSocket;
	readonly synced: Promise<void>;
	readonly closed: Promise<Closed>;
	#options: WireOptions;
	#firstSync = true;

	constructor(endpoint: Endpoint, boardId: string, options: WireOptions = {}) {
		this.#options = options;
		this.doc = options.doc ?? new Y.Doc();
		const gen = options.generation === undefined ? '' : `?gen=${options.generation}`;
		const url = `${endpoint.url.replace(/^http/, 'ws')}/sync/${boardId}${gen}`;
		const Socket = socketFor(endpoint, boardId);
		this.ws = new Socket(url, { headers: { Cookie: endpoint.cookie, Origin: endpoint.url } });
		this.ws.binaryType = 'nodebuffer';
		this.closed = new Promise((resolve) =>
			this.ws.once('close', (code, reason: Buffer) => resolve({ code, reason: reason.toString() }))
		);
		this.synced = new Promise((resolve, reject) => {
			this.ws.once('error', reject);
			this.ws.once('unexpected-response', (_req, res) => reject(new Error(`upgrade refused: ${res.statusCode}`)));
			this.ws.once('close', (code) => reject(new Error(`closed before sync: ${code}`)));
			this.ws.once('open', () => this.send((e) => syncProtocol.writeSyncStep1(e, this.doc)));
			this.ws.on('message', (data: Buffer) => this.#receive(data, resolve));
		});
		this.synced.catch(() => {});
		this.doc.on('update', (update: Uint8Array, origin: unknown) => {
			if (origin !== this) this.send((e) => syncProtocol.writeUpdate(e, update));
		});
	}

	send(write: (encoder: encoding.Encoder) => void): void {
		const encoder = encoding.createEncoder();
		encoding.writeVarUint(encoder, 0);
		write(encoder);
		if (this.ws.readyState === WebSocket.OPEN) this.ws.send(encoding.toUint8Array(encoder));
	}

	/** Asks for the whole document again (what a reconnecting client does). */
	requestFullState(): void {
		this.send((e) => syncProtocol.writeSyncStep1(e, new Y.Doc()));
	}

	#receive(data: Buffer, synced: () => void): void {
		const decoder = decoding.createDecoder(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
		if (decoding.readVarUint(decoder) !== 0) return; // awareness: not ours to judge here
		const step = decoding.readVarUint(decoder);
		const payload = decoding.readVarUint8Array(decoder);
		if (step === syncProtocol.messageYjsSyncStep1) {
			this.send((e) => syncProtocol.writeSyncStep2(e, this.doc, payload));
		} else if (step === syncProtocol.messageYjsSyncStep2) {
			const apply = this.#firstSync ? this.#options.applyFirstSync !== false : this.#options.applyUpdates;
			if (apply) Y.applyUpdate(this.doc, payload, this);
			this.#firstSync = false;
			this.#options.onSyncStep2?.(payload.length);
			synced();
		} else if (step === syncProtocol.messageYjsUpdate) {
			if (this.#options.applyUpdates) Y.applyUpdate(this.doc, payload, this);
			this.#options.onUpdate?.(payload);
		}
	}

	close(): Promise<void> {
		if (this.ws.readyState === WebSocket.CLOSED) return Promise.resolve();
		return new Promise((resolve) => {
			this.ws.once('close', () => resolve());
			this.ws.close();
		});
	}
}
