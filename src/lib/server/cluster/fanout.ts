import { Redis } from 'ioredis';
import { decodeMessage, encodeMessage, type SequencedUpdate } from './message.ts';

type Handler = (message: SequencedUpdate) => void;

/**
 * Fan-out of stored updates between processes over Redis pub/sub, one channel per document
 * (`bouture:board:{id}`, `bouture:feed:{id}`). A process publishes after its append committed and
 * ignores its own messages. Redis keeps nothing: what a process misses (a lost connection) it reads
 * from the log, told by `onReconnect`. A failed publish is logged, never thrown: losing Redis costs
 * freshness, never data.
 */
export class RedisFanout {
	readonly origin: string;
	#pub: Redis;
	#sub: Redis;
	#handlers = new Map<string, Set<Handler>>();
	#reconnected = new Set<() => void>();
	#everReady = false;

	constructor(url: string, origin: string) {
		this.origin = origin;
		// Named, so an operator (or a test) can tell them apart in CLIENT LIST.
		this.#pub = new Redis(url, { maxRetriesPerRequest: 1, connectionName: `bouture-${origin}-pub` });
		this.#sub = new Redis(url, { connectionName: `bouture-${origin}-sub` });
		for (const client of [this.#pub, this.#sub]) {
			client.on('error', (error: Error) => console.error(`[cluster] redis: ${error.message}`));
		}
		this.#sub.on('messageBuffer', (channel: Buffer, data: Buffer) => this.#deliver(channel.toString(), data));
		// ioredis subscribes again by itself; what was published meanwhile is gone, so followers catch up.
		this.#sub.on('ready', () => {
			if (this.#everReady) for (const listener of this.#reconnected) listener();
			this.#everReady = true;
		});
	}

	async publish(channel: string, message: Omit<SequencedUpdate, 'origin'>): Promise<void> {
		try {
			await this.#pub.publish(prefixed(channel), Buffer.from(encodeMessage({ ...message, origin: this.origin })));
		} catch (error) {
			console.error(`[cluster] publish on ${channel}: ${String(error)}`);
		}
	}

	/** Receives the other processes' messages on `channel` (e.g. `board:{id}`); returns the way to stop. */
	async subscribe(channel: string, handler: Handler): Promise<() => Promise<void>> {
		const key = prefixed(channel);
		let handlers = this.#handlers.get(key);
		if (!handlers) {
			handlers = new Set();
			this.#handlers.set(key, handlers);
			await this.#sub.subscribe(key);
		}
		handlers.add(handler);
		return async () => {
			handlers.delete(handler);
			if (handlers.size > 0 || this.#handlers.get(key) !== handlers) return;
			this.#handlers.delete(key);
			await this.#sub.unsubscribe(key);
		};
	}

	/** Runs `listener` each time the subscription comes back after a loss. */
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
		const message = decodeMessage(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
		if (!message || message.origin === this.origin) return;
		for (const handler of this.#handlers.get(key) ?? []) handler(message);
	}
}

function prefixed(channel: string): string {
	return `bouture:${channel}`;
}
