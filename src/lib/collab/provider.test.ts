import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { WebSocketServer } from 'ws';
import type { AddressInfo } from 'node:net';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import { readSyncMessage } from 'y-protocols/sync';
import { Awareness } from 'y-protocols/awareness';
import { CLOSE } from '#lib/domain/close-codes.ts';
import { connectBoard, type CloseReason, type ConnectionStatus } from './provider.ts';

/** A socket server that greets each connection with `onConnection`; the browser globals the
 * provider reads (window.location, online/offline listeners) are stubbed to point at it. */
let server: WebSocketServer;
let onConnection: (socket: import('ws').WebSocket) => void;

beforeEach(async () => {
	server = new WebSocketServer({ port: 0, host: '127.0.0.1' });
	server.on('connection', (socket) => onConnection(socket));
	await new Promise((resolve) => server.once('listening', resolve));
	const { port } = server.address() as AddressInfo;
	vi.stubGlobal('window', {
		location: { protocol: 'http:', host: `127.0.0.1:${port}` },
		addEventListener: () => {},
		removeEventListener: () => {}
	});
});

afterEach(async () => {
	vi.unstubAllGlobals();
	for (const client of server.clients) client.terminate();
	await new Promise((resolve) => server.close(resolve));
});

/** Answers the client's sync step 1, so that its connection counts as synced. */
function answerSync(socket: import('ws').WebSocket) {
	const serverDoc = new Y.Doc();
	socket.on('message', (data: Buffer) => {
		const decoder = decoding.createDecoder(new Uint8Array(data));
		if (decoding.readVarUint(decoder) !== 0) return; // not a sync message
		const reply = encoding.createEncoder();
		encoding.writeVarUint(reply, 0);
		readSyncMessage(decoder, reply, serverDoc, null);
		if (encoding.length(reply) > 1) socket.send(encoding.toUint8Array(reply));
	});
}

function connect() {
	const doc = new Y.Doc();
	const statuses: ConnectionStatus[] = [];
	const closed: CloseReason[] = [];
	const generations: number[] = [];
	const where = { boardId: 'board-123456', generation: 2 };
	const connection = connectBoard(doc, new Awareness(doc), where, {
		onStatus: (s) => statuses.push(s),
		onSynced: () => {},
		onClosed: (r) => closed.push(r),
		onNewGeneration: (g) => generations.push(g)
	});
	return { doc, connection, statuses, closed, generations };
}

describe('connectBoard', () => {
	it('opens /sync/{boardId}?gen={generation} and is connected once synced', async () => {
		const paths: string[] = [];
		server.on('connection', (_socket, request) => paths.push(request.url ?? ''));
		onConnection = answerSync;
		const { connection, statuses } = connect();
		await vi.waitFor(() => expect(statuses).toContain('connected'));
		expect(paths).toEqual(['/sync/board-123456?gen=2']);
		connection.destroy();
	});

	it('stops for good on a 44xx close and says why', async () => {
		let attempts = 0;
		onConnection = (socket) => {
			attempts++;
			socket.close(CLOSE.forbidden, 'not a member');
		};
		const { connection, statuses, closed } = connect();
		await vi.waitFor(() => expect(closed).toEqual(['forbidden']));
		await new Promise((resolve) => setTimeout(resolve, 600)); // longer than the first back-off
		expect(attempts).toBe(1);
		expect(connection.provider.shouldConnect).toBe(false);
		expect(statuses.at(-1)).toBe('offline');
		connection.destroy();
	});

	it('reconnects on a new generation, and hands over the generation its changes were carried into', async () => {
		let attempts = 0;
		onConnection = (socket) => {
			attempts++;
			if (attempts === 1) socket.close(CLOSE.newGeneration, 'new generation');
			else socket.close(CLOSE.carriedOver, '3');
		};
		const { connection, closed, generations } = connect();
		await vi.waitFor(() => expect(generations).toEqual([3]));
		expect(attempts).toBe(2);
		expect(closed).toEqual([]);
		connection.destroy();
	});

	it('carries a copy edited while it was being carried over once more before handing over', async () => {
		let attempts = 0;
		let edit = () => {};
		onConnection = (socket) => {
			attempts++;
			if (attempts > 1) return socket.close(CLOSE.carriedOver, '3');
			edit();
			setTimeout(() => socket.close(CLOSE.carriedOver, '3'), 50);
		};
		const { doc, connection, generations } = connect();
		edit = () => setTimeout(() => doc.getMap('cards').set('late', 1), 10);
		await vi.waitFor(() => expect(generations).toEqual([3]));
		expect(attempts).toBe(2);
		connection.destroy();
	});

	it('reconnects after a drop, and reports offline once a retry has failed', async () => {
		let attempts = 0;
		onConnection = (socket) => {
			attempts++;
			if (attempts > 1) return socket.close(CLOSE.shuttingDown); // not 44xx: keep trying
			answerSync(socket);
			setTimeout(() => socket.terminate(), 100); // a drop, after a good sync
		};
		const { connection, statuses, closed } = connect();
		await vi.waitFor(() => expect(attempts).toBeGreaterThanOrEqual(3), { timeout: 3000 });
		expect(statuses.slice(0, 4)).toEqual(['connecting', 'connected', 'reconnecting', 'reconnecting']);
		expect(statuses.at(-1)).toBe('offline');
		expect(statuses.indexOf('connected', 2)).toBe(-1); // no flicker back to "connected"
		expect(closed).toEqual([]);
		connection.destroy();
	});
});
