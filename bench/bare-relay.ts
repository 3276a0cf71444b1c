import { createServer } from 'node:http';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { WebSocketServer, type WebSocket } from 'ws';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';

/**
 * The reference the bench compares our server with: a minimal y-websocket room server on y-protocols
 * and ws, as the y-websocket README's server does it, with no auth and no persistence. A room lives
 * while someone is connected. For set-up only, `PUT /seed/{room}` with an update as body preloads a
 * room (kept until a client has come and gone), as our server's database preloads a board.
 */
const MESSAGE_SYNC = 0;
const MESSAGE_AWARENESS = 1;
const MESSAGE_QUERY_AWARENESS = 3;

interface RoomState {
	doc: Y.Doc;
	awareness: awarenessProtocol.Awareness;
	/** Each connection and the awareness client ids it speaks for. */
	conns: Map<WebSocket, Set<number>>;
}

const rooms = new Map<string, RoomState>();

function frame(write: (encoder: encoding.Encoder) => void): Uint8Array {
	const encoder = encoding.createEncoder();
	write(encoder);
	return encoding.toUint8Array(encoder);
}

function send(ws: WebSocket, data: Uint8Array): void {
	if (ws.readyState === ws.OPEN) ws.send(data);
}

function openRoom(name: string): RoomState {
	const existing = rooms.get(name);
	if (existing) return existing;
	const doc = new Y.Doc();
	const awareness = new awarenessProtocol.Awareness(doc);
	awareness.setLocalState(null);
	const room: RoomState = { doc, awareness, conns: new Map() };
	doc.on('update', (update: Uint8Array, origin: unknown) => {
		const data = frame((e) => {
			encoding.writeVarUint(e, MESSAGE_SYNC);
			syncProtocol.writeUpdate(e, update);
		});
		for (const ws of room.conns.keys()) if (ws !== origin) send(ws, data);
	});
	awareness.on('update', ({ added, updated, removed }: Record<string, number[]>, origin: unknown) => {
		const changed = [...(added ?? []), ...(updated ?? []), ...(removed ?? [])];
		const mine = room.conns.get(origin as WebSocket);
		if (mine) {
			for (const id of added ?? []) mine.add(id);
			for (const id of removed ?? []) mine.delete(id);
		}
		const data = frame((e) => {
			encoding.writeVarUint(e, MESSAGE_AWARENESS);
			encoding.writeVarUint8Array(e, awarenessProtocol.encodeAwarenessUpdate(awareness, changed));
		});
		for (const ws of room.conns.keys()) send(ws, data);
	});
	rooms.set(name, room);
	return room;
}

function join(ws: WebSocket, name: string): void {
	const room = openRoom(name);
	room.conns.set(ws, new Set());
	ws.on('message', (data: Buffer) => {
		const decoder = decoding.createDecoder(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
		const type = decoding.readVarUint(decoder);
		if (type === MESSAGE_SYNC) {
			const encoder = encoding.createEncoder();
			encoding.writeVarUint(encoder, MESSAGE_SYNC);
			syncProtocol.readSyncMessage(decoder, encoder, room.doc, ws);
			if (encoding.length(encoder) > 1) send(ws, encoding.toUint8Array(encoder));
		} else if (type === MESSAGE_AWARENESS) {
			awarenessProtocol.applyAwarenessUpdate(room.awareness, decoding.readVarUint8Array(decoder), ws);
		} else if (type === MESSAGE_QUERY_AWARENESS) {
			const states = [...room.awareness.getStates().keys()];
			send(
				ws,
				frame((e) => writeAwareness(e, room, states))
			);
		}
	});
	ws.on('close', () => {
		const ids = room.conns.get(ws);
		room.conns.delete(ws);
		if (ids && ids.size > 0) awarenessProtocol.removeAwarenessStates(room.awareness, [...ids], null);
		if (room.conns.size === 0 && rooms.get(name) === room) {
			rooms.delete(name);
			room.awareness.destroy();
			room.doc.destroy();
		}
	});
	send(
		ws,
		frame((e) => {
			encoding.writeVarUint(e, MESSAGE_SYNC);
			syncProtocol.writeSyncStep1(e, room.doc);
		})
	);
	const states = [...room.awareness.getStates().keys()];
	if (states.length > 0)
		send(
			ws,
			frame((e) => writeAwareness(e, room, states))
		);
}

function writeAwareness(encoder: encoding.Encoder, room: RoomState, clients: number[]): void {
	encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
	encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(room.awareness, clients));
}

const wss = new WebSocketServer({ noServer: true, maxPayload: 1024 * 1024 });
const server = createServer((req, res) => {
	const seed = /^\/seed\/([^/?]+)$/.exec(req.url ?? '');
	if (req.method !== 'PUT' || !seed) return void res.writeHead(404).end();
	const chunks: Buffer[] = [];
	req.on('data', (chunk: Buffer) => chunks.push(chunk));
	req.on('end', () => {
		Y.applyUpdate(openRoom(decodeURIComponent(seed[1] ?? '')).doc, new Uint8Array(Buffer.concat(chunks)));
		res.writeHead(204).end();
	});
});
server.on('upgrade', (req, socket, head) => {
	const name = decodeURIComponent((req.url ?? '/').split('?')[0]?.split('/').at(-1) ?? '');
	wss.handleUpgrade(req, socket, head, (ws) => join(ws, name));
});
server.listen(Number(process.env.PORT ?? 0), process.env.HOST ?? '127.0.0.1', () => {
	const address = server.address();
	if (address && typeof address === 'object') console.log(`bare relay listening on http://127.0.0.1:${address.port}`);
});
process.on('SIGTERM', () => {
	for (const ws of wss.clients) ws.terminate();
	server.close(() => process.exit(0));
});
