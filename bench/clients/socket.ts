import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { connectClient, type Client } from '../../tests/factories/yclient.ts';
import type { Endpoint } from '../lib/targets.ts';
import { hocuspocusSocket } from './hocuspocus-socket.ts';

/** The WebSocket class that reaches `boardId` on this endpoint's server (Hocuspocus needs its framing). */
export function socketFor(endpoint: Endpoint, boardId: string): typeof WebSocket {
	return endpoint.kind === 'hocuspocus' || endpoint.kind === 'hocuspocus0' ? hocuspocusSocket(boardId) : WebSocket;
}

/** A stock y-websocket client (as a browser connects) on any of the bench's servers. */
export function connectStock(endpoint: Endpoint, boardId: string): Client {
	if (socketFor(endpoint, boardId) === WebSocket) return connectClient(endpoint.url, boardId, endpoint.cookie);
	const doc = new Y.Doc();
	const provider = new WebsocketProvider(endpoint.url.replace(/^http/, 'ws'), boardId, doc, {
		WebSocketPolyfill: socketFor(endpoint, boardId) as unknown as typeof globalThis.WebSocket,
		disableBc: true
	});
	return { doc, provider, destroy: () => (provider.destroy(), doc.destroy()) };
}
