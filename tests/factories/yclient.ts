import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { isTerminalClose } from '../../src/lib/collab/provider.ts';
import { CLOSE } from '../../src/lib/domain/close-codes.ts';

export interface Client {
	doc: Y.Doc;
	provider: WebsocketProvider;
	destroy(): void;
}

/**
 * A stock y-websocket client, as a browser would connect (cookie + Origin), without BroadcastChannel.
 * `server` may be a function: asked again at each (re)connection, it sends the client to another
 * process when its own is gone, as a load balancer would.
 */
export function connectClient(
	server: string | (() => string),
	boardId: string,
	cookie: string,
	origin?: string,
	{ doc = new Y.Doc(), generation }: { doc?: Y.Doc; generation?: number } = {}
): Client {
	const baseUrl = typeof server === 'string' ? server : server();
	class AuthedWebSocket extends WebSocket {
		constructor(url: string | URL, protocols?: string | string[]) {
			const target = typeof server === 'string' ? baseUrl : server();
			const path = String(url).replace(/^wss?:\/\/[^/]+/, '');
			super(target.replace(/^http/, 'ws') + path, protocols, {
				headers: { Cookie: cookie, Origin: origin ?? target }
			});
		}
	}
	const provider = new WebsocketProvider(baseUrl.replace(/^http/, 'ws') + '/sync', boardId, doc, {
		WebSocketPolyfill: AuthedWebSocket as unknown as typeof globalThis.WebSocket,
		disableBc: true,
		maxBackoffTime: 300,
		params: generation === undefined ? {} : { gen: String(generation) },
		// As the app's client: out of step (4409) is not final, the next connection's sync fixes it.
		shouldReconnect: (event) => !isTerminalClose(event.code)
	});
	return {
		doc,
		provider,
		destroy() {
			provider.destroy();
			doc.destroy();
		}
	};
}

/** The same client on a board's read-only feed document (/sync/{boardId}/feed). */
export function connectFeed(baseUrl: string, boardId: string, cookie: string): Client {
	return connectClient(baseUrl, `${boardId}/feed`, cookie);
}

export function whenSynced(client: Client, timeoutMs = 5000): Promise<void> {
	if (client.provider.synced) return Promise.resolve();
	return new Promise((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error('not synced in time')), timeoutMs);
		client.provider.once('sync', () => {
			clearTimeout(timer);
			resolve();
		});
	});
}

/** Polls until `check` holds (real networks are asynchronous; no fixed sleeps). */
export async function eventually(
	check: () => boolean | Promise<boolean>,
	timeoutMs = 5000,
	what = 'condition'
): Promise<void> {
	const start = Date.now();
	while (!(await check())) {
		if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
		await new Promise((r) => setTimeout(r, 20));
	}
}

/** The code of the first close the client sees from now on. */
export function firstCloseCode(client: Client): Promise<number> {
	return new Promise((resolve) => client.provider.once('connection-close', (event) => resolve(event?.code ?? 0)));
}

/**
 * A client that follows the board's generations as the app does: told its changes were carried
 * over (close code carriedOver, the new generation as reason), it drops its document and loads
 * that generation. `current` is the client of the moment.
 */
export class GenerationClient {
	current: Client;
	generation: number;
	#connect: (doc: Y.Doc | undefined, generation: number) => Client;

	constructor(
		server: string | (() => string),
		boardId: string,
		cookie: string,
		{ doc, generation = 0 }: { doc?: Y.Doc; generation?: number } = {}
	) {
		this.generation = generation;
		this.#connect = (d, g) => connectClient(server, boardId, cookie, undefined, { doc: d, generation: g });
		this.current = this.#follow(this.#connect(doc, generation));
	}

	get doc(): Y.Doc {
		return this.current.doc;
	}

	#follow(client: Client): Client {
		client.provider.on('connection-close', (event) => {
			if (event?.code !== CLOSE.carriedOver || client !== this.current) return;
			client.destroy();
			this.generation = Number(event.reason);
			this.current = this.#follow(this.#connect(undefined, this.generation));
		});
		return client;
	}

	destroy(): void {
		this.current.destroy();
	}
}

/**
 * Works a card over: `edits` values written to two of its fields in turn (neither moves it), in one transaction (one
 * field's successive values would merge into one tombstone). Repeated, it gives the board a history
 * that outweighs its content, so the server starts a new generation.
 */
export function workCardOver(doc: Y.Doc, cardId: string, round: number, edits = 10): void {
	const card = doc.getMap<Y.Map<unknown>>('cards').get(cardId);
	doc.transact(() => {
		for (let i = 0; i < edits; i++) card?.set(i % 2 ? 'metric' : 'why', `${round}.${i}`);
	});
}

/** Runs `work` in rounds (within a socket's message budget) until the board is at generation `target`. */
export async function workUntilGeneration(
	generationNow: () => Promise<number>,
	target: number,
	work: (round: number) => void
): Promise<void> {
	for (let round = 0; (await generationNow()) < target; round++) {
		if (round > 300) throw new Error(`no generation ${target} after ${round} rounds`);
		work(round);
		await new Promise((r) => setTimeout(r, 40));
	}
}
