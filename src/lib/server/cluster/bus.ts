import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { createHash } from 'node:crypto';
import { Redis } from 'ioredis';

type Handler = (payload: Uint8Array, origin: string) => void;

/**
 * How the processes of one deployment tell each other things: binary messages on named channels
 * (`board:{id}`, `presence:{id}`, `relay:…`), each heard by every process but its sender. Nothing is
 * kept: a process that was away reads what it missed from the database, told by `onReconnect`. A
 * failed publish is logged, never thrown: losing the bus costs freshness, never data.
 */
export interface ClusterBus {
	/** This process's name among the others (also in each message it sends). */
	readonly origin: string;
	/** False for the one-process default, where nothing needs telling. */
	readonly shared: boolean;
	publish(channel: string, payload: Uint8Array): Promise<void>;
	/** Hears the other processes' messages on `channel`; resolves (once subscribed) with the way to stop. */
	subscribe(channel: string, handler: Handler): Promise<() => Promise<void>>;
	/** Runs `listener` each time the bus comes back after a loss. */
	onReconnect(listener: () => void): () => void;
	close(): Promise<void>;
}

/** The one-process default: nobody else to tell. */
export const soloBus: ClusterBus = {
	origin: 'solo',
	shared: false,
	publish: async () => undefined,
	subscribe: async () => async () => undefined,
	onReconnect: () => () => undefined,
	close: async () => undefined
};

/** JSON on the bus, for the small notices (relays); `decode` validates what arrives. */
export function publishJson(bus: ClusterBus, channel: string, data: unknown): Promise<void> {
	return bus.publish(channel, new TextEncoder().encode(JSON.stringify(data)));
}

export function subscribeJson<T>(
	bus: ClusterBus,
	channel: string,
	decode: (data: unknown) => T | null,
	handler: (data: T, origin: string) => void
): Promise<() => Promise<void>> {
	return bus.subscribe(channel, (payload, origin) => {
		let parsed: unknown;
		try {
			parsed = JSON.parse(new TextDecoder().decode(payload));
		} catch {
			return;
		}
		const data = decode(parsed);
		if (data !== null) handler(data, origin);
	});
}

/**
 * The channel prefix of the deployment whose processes share `databaseUrl`: deployments (or test
 * clusters) sharing one Redis never hear each other, even when their processes have the same NODE_ID.
 */
export function deploymentPrefix(databaseUrl: string): string {
	return `bouture:${createHash('sha256').update(databaseUrl).digest('hex').slice(0, 12)}:`;
}

/** The bus over Redis pub/sub: one publishing and one subscribed connection per process. */
export class RedisBus implements ClusterBus {
	readonly origin: string;
	readonly shared = true;
	#prefix: string;
	#pub: Redis;
	#sub: Redis;
	#handlers = new Map<string, Set<Handler>>();
	#reconnected = new Set<() => void>();
	#everReady = false;

	constructor(url: string, origin: string, prefix = 'bouture:') {
		this.origin = origin;
		this.#prefix = prefix;
		// Named, so an operator (or a test) can tell them apart in CLIENT LIST.
		this.#pub = new Redis(url, { maxRetriesPerRequest: 1, connectionName: `bouture-${origin}-pub` });
		this.#sub = new Redis(url, { connectionName: `bouture-${origin}-sub` });
		for (const client of [this.#pub, this.#sub]) {
			client.on('error', (error: Error) => console.error(`[cluster] redis: ${error.message}`));
		}
		this.#sub.on('messageBuffer', (channel: Buffer, data: Buffer) => this.#deliver(channel.toString(), data));
		// ioredis subscribes again by itself; what was published meanwhile is gone, so listeners catch up.
		this.#sub.on('ready', () => {
			if (this.#everReady) for (const listener of this.#reconnected) listener();
			this.#everReady = true;
		});
	}

	async publish(channel: string, payload: Uint8Array): Promise<void> {
		const encoder = encoding.createEncoder();
		encoding.writeVarString(encoder, this.origin);
		encoding.writeUint8Array(encoder, payload);
		try {
			await this.#pub.publish(this.#prefix + channel, Buffer.from(encoding.toUint8Array(encoder)));
		} catch (error) {
			console.error(`[cluster] publish on ${channel}: ${String(error)}`);
		}
	}

	async subscribe(channel: string, handler: Handler): Promise<() => Promise<void>> {
		const key = this.#prefix + channel;
		let handlers = this.#handlers.get(key);
		if (!handlers) {
			handlers = new Set();
			this.#handlers.set(key, handlers);
			await this.#sub.subscribe(key).catch((e: unknown) => console.error(`[cluster] subscribe: ${String(e)}`));
		}
		handlers.add(handler);
		return async () => {
			handlers.delete(handler);
			if (handlers.size > 0 || this.#handlers.get(key) !== handlers) return;
			this.#handlers.delete(key);
			await this.#sub.unsubscribe(key).catch(() => undefined);
		};
	}

	onReconnect(listener: () => void): () => void {
		this.#reconnected.add(listener);
		return () => this.#reconnected.delete(listener);
	}

	async close(): Promise<void> {
		this.#handlers.clear();
		this.#reconnected.clear();
		await Promise.allSettled([this.#pub.quit(), this.#sub.quit()]);
	}

	#deliver(key: string, data: Buffer): void {
		const handlers = this.#handlers.get(key);
		if (!handlers) return;
		let origin: string;
		let payload: Uint8Array;
		try {
			const decoder = decoding.createDecoder(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
			origin = decoding.readVarString(decoder);
			payload = decoding.readTailAsUint8Array(decoder);
		} catch {
			return; // not one of ours
		}
		if (origin === this.origin) return;
		for (const handler of handlers) {
			try {
				handler(payload, origin);
			} catch (error) {
				console.error(`[cluster] ${key}: ${String(error)}`);
			}
		}
	}
}
