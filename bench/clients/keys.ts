import WebSocket from 'ws';
import type { Endpoint } from '../lib/targets.ts';
import { serve } from './ipc.ts';
import { Wire } from './wire.ts';

/**
 * Keyed writes for the cluster scenario (C1): `writers` clients on one server each set a new key of the
 * board's `keys` map every `periodMs`, its value the wall-clock time it was sent (the processes share
 * the machine's clock); observers, on any servers, record when each key first reached one of them.
 * Every key is counted, even when several arrive in one update (a catch-up read from the log).
 */
const MAP = 'keys';

let writers: Wire[] = [];
let observers: Wire[] = [];
let timers: ReturnType<typeof setInterval>[] = [];
let written: string[] = [];
/** key → [sent, first seen] (ms since the epoch). */
let arrivals = new Map<string, [number, number]>();

interface OpenParams {
	boardId: string;
	write: Endpoint;
	writers: number;
	observe: Endpoint[];
}

async function open({ boardId, write, writers: count, observe }: OpenParams) {
	writers = Array.from({ length: count }, () => new Wire(write, boardId));
	observers = observe.map((endpoint) => new Wire(endpoint, boardId, { applyUpdates: true }));
	await Promise.all([...writers, ...observers].map((w) => w.synced));
	for (const observer of observers) {
		const keys = observer.doc.getMap<number>(MAP);
		keys.observe((event) => {
			const now = Date.now();
			for (const key of event.keysChanged) {
				const sent = keys.get(key);
				if (typeof sent === 'number' && !arrivals.has(key)) arrivals.set(key, [sent, now]);
			}
		});
	}
}

/** Starts writing keys named `{prefix}-{writer}-{n}`. */
function start({ prefix, periodMs }: { prefix: string; periodMs: number }) {
	writers.forEach((wire, i) => {
		let n = 0;
		const write = () => {
			if (wire.ws.readyState !== WebSocket.OPEN) return; // its server is gone: nothing sent
			const key = `${prefix}-${i}-${n++}`;
			wire.doc.getMap<number>(MAP).set(key, Date.now());
			written.push(key);
		};
		timers.push(setTimeout(() => timers.push(setInterval(write, periodMs)), Math.random() * periodMs));
	});
}

/** Stops writing; returns the keys sent. */
function stop(): string[] {
	for (const timer of timers) clearTimeout(timer);
	timers = [];
	return written;
}

/** Every key the observers received so far: [key, sent, first seen]. */
function seen(): [string, number, number][] {
	return [...arrivals].map(([key, [sent, at]]) => [key, sent, at]);
}

async function close() {
	stop();
	await Promise.all([...writers, ...observers].map((w) => w.close()));
	writers = [];
	observers = [];
	written = [];
	arrivals = new Map();
}

serve({ open, start, stop, seen, close });
