import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import type { Room } from '../sync/room.ts';
import type { ClusterBus } from './bus.ts';
import type { NodeWatch } from './nodes.ts';

const STATES = 0;
const QUERY = 1;

/** The origin of presence heard from another process, so that it is not sent back out. */
const FROM_BUS = Symbol('presence from another process');

/**
 * A room's presence shared with the same room in the other processes. Each process publishes the
 * states of its own connections (already checked against their sessions by the room); what comes in
 * never overrides a client id one of this process's connections speaks for (the anti-spoofing rule,
 * applied to remote ids too). A process that dies takes its clients' presence with it within seconds
 * (NodeWatch), not after the 30 s awareness timeout.
 */
export class PresenceLink {
	#room: Room;
	#bus: ClusterBus;
	#nodes: NodeWatch;
	/** Client id → the process that speaks for it. */
	#remote = new Map<number, string>();
	#stops: (() => unknown)[] = [];

	constructor(room: Room, bus: ClusterBus, nodes: NodeWatch) {
		this.#room = room;
		this.#bus = bus;
		this.#nodes = nodes;
	}

	async open(): Promise<void> {
		const { awareness } = this.#room;
		this.#room.isRemoteClient = (id) => this.#remote.has(id);
		awareness.on('update', this.#onLocal);
		this.#stops.push(() => awareness.off('update', this.#onLocal));
		this.#stops.push(this.#nodes.onDead((node) => this.#forget(node)));
		this.#stops.push(await this.#bus.subscribe(this.#channel, (payload, node) => this.#onRemote(payload, node)));
		// Who is already here, elsewhere: the others answer with their states.
		await this.#bus.publish(this.#channel, new Uint8Array([QUERY]));
	}

	close(): void {
		for (const stop of this.#stops.splice(0)) void stop();
	}

	get #channel(): string {
		return `presence:${this.#room.name}`;
	}

	#onLocal = ({ added, updated, removed }: Changes, origin: unknown): void => {
		if (origin === FROM_BUS) return;
		const ids = [...added, ...updated, ...removed].filter((id) => !this.#remote.has(id));
		if (ids.length > 0) void this.#publishStates(ids);
	};

	#publishStates(ids: number[]): Promise<void> {
		const update = awarenessProtocol.encodeAwarenessUpdate(this.#room.awareness, ids);
		const framed = new Uint8Array(update.length + 1);
		framed[0] = STATES;
		framed.set(update, 1);
		return this.#bus.publish(this.#channel, framed);
	}

	#onRemote(payload: Uint8Array, node: string): void {
		this.#nodes.heard(node);
		if (payload[0] === QUERY) {
			const mine = [...this.#room.peers.values()].flatMap((clients) => [...clients]);
			if (mine.length > 0) void this.#publishStates(mine);
			return;
		}
		if (payload[0] !== STATES) return;
		const update = this.#keepRemote(payload.subarray(1), node);
		if (update) awarenessProtocol.applyAwarenessUpdate(this.#room.awareness, update, FROM_BUS);
	}

	/** The entries of `update` for client ids this process's connections do not speak for; null if none, or not readable. */
	#keepRemote(update: Uint8Array, node: string): Uint8Array | null {
		try {
			const decoder = decoding.createDecoder(update);
			const encoder = encoding.createEncoder();
			const kept: [number, number, string][] = [];
			const count = decoding.readVarUint(decoder);
			for (let i = 0; i < count; i++) {
				const entry: [number, number, string] = [
					decoding.readVarUint(decoder),
					decoding.readVarUint(decoder),
					decoding.readVarString(decoder)
				];
				if (this.#room.hasLocalClient(entry[0])) continue;
				if (entry[2] === 'null') this.#remote.delete(entry[0]);
				else this.#remote.set(entry[0], node);
				kept.push(entry);
			}
			if (kept.length === 0) return null;
			encoding.writeVarUint(encoder, kept.length);
			for (const [clientId, clock, json] of kept) {
				encoding.writeVarUint(encoder, clientId);
				encoding.writeVarUint(encoder, clock);
				encoding.writeVarString(encoder, json);
			}
			return encoding.toUint8Array(encoder);
		} catch {
			return null;
		}
	}

	#forget(node: string): void {
		const gone = [...this.#remote].filter(([, owner]) => owner === node).map(([id]) => id);
		for (const id of gone) this.#remote.delete(id);
		if (gone.length > 0) awarenessProtocol.removeAwarenessStates(this.#room.awareness, gone, FROM_BUS);
	}
}

interface Changes {
	added: number[];
	updated: number[];
	removed: number[];
}
