import type { ClusterBus } from './bus.ts';

const CHANNEL = 'nodes';

/**
 * Which other processes are alive: each process beats on the bus every `beatEveryMs`; one not heard
 * for `deadAfterMs` is taken for dead (a crash, or cut from Redis), and `onDead` listeners drop what it
 * stood for (the presence of its clients).
 */
export class NodeWatch {
	#bus: ClusterBus;
	#beatEveryMs: number;
	#deadAfterMs: number;
	#lastHeard = new Map<string, number>();
	#dead = new Set<(node: string) => void>();
	#timer: ReturnType<typeof setInterval> | null = null;
	#unsubscribe: () => Promise<void> = async () => undefined;

	constructor(bus: ClusterBus, { beatEveryMs = 2_000, deadAfterMs = 6_000 } = {}) {
		this.#bus = bus;
		this.#beatEveryMs = beatEveryMs;
		this.#deadAfterMs = deadAfterMs;
	}

	async start(): Promise<void> {
		this.#unsubscribe = await this.#bus.subscribe(CHANNEL, (_payload, node) => this.heard(node));
		this.#timer = setInterval(() => this.#tick(), this.#beatEveryMs);
		this.#timer.unref();
		void this.#beat();
	}

	/** A sign of life from `node` (its beat). */
	heard(node: string): void {
		this.#lastHeard.set(node, Date.now());
	}

	onDead(listener: (node: string) => void): () => void {
		this.#dead.add(listener);
		return () => this.#dead.delete(listener);
	}

	async close(): Promise<void> {
		if (this.#timer) clearInterval(this.#timer);
		this.#dead.clear();
		await this.#unsubscribe();
	}

	#tick(): void {
		void this.#beat();
		const now = Date.now();
		for (const [node, at] of this.#lastHeard) {
			if (now - at <= this.#deadAfterMs) continue;
			this.#lastHeard.delete(node);
			for (const listener of this.#dead) listener(node);
		}
	}

	#beat(): Promise<void> {
		return this.#bus.publish(CHANNEL, new Uint8Array());
	}
}
